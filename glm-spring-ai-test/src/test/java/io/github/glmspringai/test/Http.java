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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP against the fake service, to see the exact bytes each protocol sends.
 *
 * @author glm-spring-ai
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	/**
	 * A streaming request body of a protocol, with extra members (dotted names go under
	 * {@code parameters} on the native protocol).
	 * @param protocol {@code openai-compatible}, {@code dashscope} or {@code zhipu}
	 * @param model the model
	 * @param extra extra members: top level, or {@code parameters} on the native protocol
	 * @return the JSON body
	 */
	static String body(String protocol, String model, Map<String, Object> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", model);
		List<Map<String, String>> messages = List.of(Map.of("role", "user", "content", "你好"));
		if ("dashscope".equals(protocol)) {
			body.put("input", Map.of("messages", messages));
			Map<String, Object> parameters = new LinkedHashMap<>();
			parameters.put("result_format", "message");
			parameters.put("incremental_output", true);
			parameters.putAll(extra);
			body.put("parameters", parameters);
		}
		else {
			body.put("messages", messages);
			body.put("stream", true);
			body.putAll(extra);
		}
		return JSON.writeValueAsString(body);
	}

	static HttpResponse<String> post(FakeGlmService glm, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(glm.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + glm.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> stream(FakeGlmService glm, String protocol, String body) {
		return switch (protocol) {
			case "openai-compatible" -> post(glm, FakeGlmService.COMPATIBLE_PATH, body);
			case "dashscope" -> post(glm, FakeGlmService.DASHSCOPE_PATH, body, "X-DashScope-SSE", "enable");
			default -> post(glm, FakeGlmService.ZHIPU_PATH, body);
		};
	}

}
