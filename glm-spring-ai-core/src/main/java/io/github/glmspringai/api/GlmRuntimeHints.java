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

package io.github.glmspringai.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the wire records Jackson reads, so both protocols work in a
 * GraalVM native image.
 *
 * @author glm-spring-ai
 */
public class GlmRuntimeHints implements RuntimeHintsRegistrar {

	static final List<Class<?>> WIRE_TYPES = List.of(GlmWire.Delta.class, GlmWire.ToolCall.class,
			GlmWire.Function.class, GlmWire.OutputDetails.class, GlmWire.PromptDetails.class,
			OpenAiCompatibleGlmApi.Chunk.class, OpenAiCompatibleGlmApi.Choice.class, OpenAiCompatibleGlmApi.Usage.class,
			DashScopeGlmApi.Frame.class, DashScopeGlmApi.Output.class, DashScopeGlmApi.Choice.class,
			DashScopeGlmApi.Usage.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> type : WIRE_TYPES) {
			hints.reflection().registerType(type, MemberCategory.values());
		}
	}

}
