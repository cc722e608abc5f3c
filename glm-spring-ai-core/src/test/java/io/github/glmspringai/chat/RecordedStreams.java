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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded SSE streams of both protocols from the reference (bailian-api.md §3.2 and
 * §4.2), stored once, as published resources of {@code glm-spring-ai-test}
 * ({@code RecordedGlmStreams}); the build adds them to this module's test resources.
 */
public final class RecordedStreams {

	private RecordedStreams() {
	}

	/**
	 * A recorded stream.
	 * @param name {@code compatible-stream.sse}, {@code dashscope-stream.sse} or
	 * {@code zhipu-stream.sse}
	 * @return the stream, byte for byte
	 */
	public static String read(String name) {
		try (InputStream in = RecordedStreams.class
			.getResourceAsStream("/io/github/glmspringai/test/recorded/" + name)) {
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
