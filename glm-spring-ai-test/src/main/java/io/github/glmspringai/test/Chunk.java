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

package io.github.glmspringai.test;

/**
 * One scripted chunk of a {@link Turn}.
 *
 * @param kind the kind
 * @param text reasoning or answer text, or the tool call's arguments
 * @param id the tool call id (empty for text)
 * @param name the tool name (empty for text)
 * @author glm-spring-ai
 */
record Chunk(Kind kind, String text, String id, String name) {

	/** What a chunk carries. */
	enum Kind {

		/** {@code reasoning_content}. */
		REASONING,
		/** {@code content}. */
		ANSWER,
		/** One whole tool call. */
		TOOL_CALL

	}

}
