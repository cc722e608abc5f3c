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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real SSE streams of each protocol, as the services sent them (from the public
 * recordings and documentation quoted in the project's wire references), to replay with
 * {@link Turn#replay(String)} or any mock server.
 *
 * @author glm-spring-ai
 */
public final class RecordedGlmStreams {

	private RecordedGlmStreams() {
	}

	/**
	 * Bailian's OpenAI-compatible mode: an opening chunk, reasoning {@code "The user"},
	 * answer {@code "我是"}, finish {@code stop}, a usage chunk (prompt 10, completion 360,
	 * total 370, reasoning 172, cached 0) and {@code [DONE]}; request id
	 * {@code e2edaf2c-8aaf-9e54-90e2-b21dd5045503}.
	 * @return the SSE body
	 */
	public static String compatible() {
		return read("compatible-stream.sse");
	}

	/**
	 * Bailian's native DashScope protocol: reasoning {@code "Okay"}, {@code ","}, answer
	 * {@code "!"}, finish {@code stop}, cumulative usage ending at input 11, output 138,
	 * total 149, reasoning 50; request id {@code 2ce91085-3602-9c32-9c8b-fe3d583a2c38}.
	 * @return the SSE body
	 */
	public static String dashscope() {
		return read("dashscope-stream.sse");
	}

	/**
	 * Zhipu (Z.ai, glm-4.7-flash, abridged to one chunk of each kind): reasoning
	 * {@code "The"}, answer {@code "I"}, a tool call
	 * {@code weather({"location":"Florence,Italy"})}, finish {@code tool_calls} with
	 * usage (prompt 173, completion 93, total 266, cached 172, reasoning 65) and
	 * {@code [DONE]}; request id {@code 20260313050307df155ecf3e9f4961}.
	 * @return the SSE body
	 */
	public static String zhipu() {
		return read("zhipu-stream.sse");
	}

	private static String read(String name) {
		try (InputStream in = RecordedGlmStreams.class.getResourceAsStream("recorded/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing recorded stream " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
