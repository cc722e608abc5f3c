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

package io.github.glmspringai.benchmarks;

import io.github.glmspringai.chat.GlmProtocol;

/**
 * One client under measurement: runs one streaming request to completion, blocking, and
 * reports what it received.
 *
 * @author glm-spring-ai
 */
interface Contender extends AutoCloseable {

	/**
	 * The row name in the table.
	 * @return the name
	 */
	String name();

	/**
	 * The wire protocol it speaks.
	 * @return the protocol
	 */
	GlmProtocol protocol();

	/**
	 * Whether this is the parsing floor.
	 * @return {@code true} for the floor
	 */
	default boolean isFloor() {
		return false;
	}

	/**
	 * Run one request.
	 * @param scenario what the server streams
	 * @return what was received
	 * @throws Exception on failure
	 */
	Tally run(Scenario scenario) throws Exception;

	@Override
	default void close() {
	}

	/**
	 * The short protocol label.
	 * @param protocol the protocol
	 * @return {@code compatible}, {@code native} or {@code zhipu}
	 */
	static String label(GlmProtocol protocol) {
		return switch (protocol) {
			case OPENAI_COMPATIBLE -> "compatible";
			case DASHSCOPE -> "native";
			case ZHIPU -> "zhipu";
		};
	}

}
