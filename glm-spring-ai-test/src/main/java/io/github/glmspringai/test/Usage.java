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

import java.util.List;

/**
 * Token usage of a turn.
 *
 * @param prompt prompt tokens
 * @param completion completion tokens, reasoning included
 * @param reasoning reasoning tokens
 * @param cached cached prompt tokens
 * @author glm-spring-ai
 */
record Usage(int prompt, int completion, int reasoning, int cached) {

	/**
	 * One token per chunk (three per tool call), nothing cached.
	 * @param sent the chunks sent
	 * @param prompt the prompt tokens
	 * @return the usage
	 */
	static Usage count(List<Chunk> sent, int prompt) {
		int reasoning = 0;
		int completion = 0;
		for (Chunk chunk : sent) {
			reasoning += (chunk.kind() == Chunk.Kind.REASONING) ? 1 : 0;
			completion += (chunk.kind() == Chunk.Kind.TOOL_CALL) ? 3 : 1;
		}
		return new Usage(prompt, completion, reasoning, 0);
	}

	int total() {
		return this.prompt + this.completion;
	}

}
