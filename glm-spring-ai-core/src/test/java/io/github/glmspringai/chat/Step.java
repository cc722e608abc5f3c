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

import org.jspecify.annotations.Nullable;

/**
 * One protocol-neutral step of a scripted GLM stream; {@link WireFixture} renders steps
 * into each protocol's exact SSE frames.
 */
sealed interface Step {

	static Step reasoning(String text) {
		return new Reasoning(text);
	}

	static Step text(String text) {
		return new Text(text);
	}

	static Step tool(int index, String id, @Nullable String name, String arguments) {
		return new Tool(index, id, name, arguments);
	}

	static Step tools(Tool... calls) {
		return new ToolBatch(java.util.List.of(calls));
	}

	static Tool call(int index, String id, @Nullable String name, String arguments) {
		return new Tool(index, id, name, arguments);
	}

	static Step finish(String reason) {
		return new Finish(reason);
	}

	static Step usage(int prompt, int completion, @Nullable Integer reasoning) {
		return new Usage(prompt, completion, prompt + completion, reasoning, null);
	}

	static Step usage(int prompt, int completion, @Nullable Integer reasoning, @Nullable Long cached) {
		return new Usage(prompt, completion, prompt + completion, reasoning, cached);
	}

	record Reasoning(String text) implements Step {
	}

	record Text(String text) implements Step {
	}

	/** A tool-call fragment; an empty id and a null name mark a continuation. */
	record Tool(int index, String id, @Nullable String name, String arguments) implements Step {
	}

	/** Several tool-call fragments in one frame. */
	record ToolBatch(java.util.List<Tool> calls) implements Step {
	}

	record Finish(String reason) implements Step {
	}

	record Usage(int prompt, int completion, int total, @Nullable Integer reasoning,
			@Nullable Long cached) implements Step {
	}

}
