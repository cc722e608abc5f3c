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

package io.github.glmspringai.api.sse;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Event as decoded by {@link SseDecoder}.
 *
 * @param event the {@code event:} field, {@code null} when absent
 * @param data the {@code data:} lines joined by {@code \n}, as UTF-8 bytes
 * @param comment the last comment line of the event (without the leading colon), e.g.
 * {@code HTTP_STATUS/200} on the native protocol
 * @author glm-spring-ai
 */
public record SseEvent(@Nullable String event, byte[] data, @Nullable String comment) {

	/**
	 * The data as text.
	 * @return the data
	 */
	public String dataAsString() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the data, without surrounding white space, is the given ASCII text.
	 * @param text the text
	 * @return {@code true} on a match
	 */
	public boolean dataEquals(String text) {
		int start = 0;
		int end = this.data.length;
		while (start < end && isSpace(this.data[start])) {
			start++;
		}
		while (end > start && isSpace(this.data[end - 1])) {
			end--;
		}
		if (end - start != text.length()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (this.data[start + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the data is empty or white space only.
	 * @return {@code true} for an event without content
	 */
	public boolean isBlank() {
		for (byte b : this.data) {
			if (!isSpace(b)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}

	/**
	 * The first {@code max} bytes of the data as text, for error messages.
	 * @param max the maximum number of bytes
	 * @return the excerpt
	 */
	public String excerpt(int max) {
		int length = Math.min(max, this.data.length);
		String text = new String(this.data, 0, length, StandardCharsets.UTF_8);
		return (length < this.data.length) ? text + "…" : text;
	}

	@Override
	public String toString() {
		return "SseEvent{event=" + this.event + ", data=" + excerpt(200) + ", comment=" + this.comment + '}';
	}

}
