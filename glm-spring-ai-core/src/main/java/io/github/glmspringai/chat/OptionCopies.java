/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.glmspringai.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies of option collections, rejecting {@code null}s where they mean nothing
 * with an {@link IllegalArgumentException} that names the option.
 *
 * @author glm-spring-ai
 */
final class OptionCopies {

	private OptionCopies() {
	}

	static <T> List<T> withoutNulls(List<T> list, String name) {
		if (list.contains(null)) {
			throw new IllegalArgumentException(name + " must not contain null elements");
		}
		return List.copyOf(list);
	}

	/**
	 * An unmodifiable copy in the given order; {@code null} values are kept where they
	 * mean something ({@code extraBody}: sent as JSON {@code null}).
	 */
	static <V> Map<String, V> copy(Map<String, V> map, String name, boolean nullValues) {
		Map<String, V> copy = new LinkedHashMap<>(map.size() * 2);
		map.forEach((key, value) -> {
			if (key == null) {
				throw new IllegalArgumentException(name + " must not contain a null key");
			}
			if (value == null && !nullValues) {
				throw new IllegalArgumentException(name + " must not contain a null value (key '" + key + "')");
			}
			copy.put(key, value);
		});
		return Collections.unmodifiableMap(copy);
	}

}
