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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;

import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parsing floor: the JDK {@link HttpClient} streaming the body as lines, and one
 * Jackson 3 {@code readTree} per {@code data:} line, reading the delta text from the
 * tree. No SSE state machine, no typed model, no reactive pipeline.
 *
 * @author glm-spring-ai
 */
final class FloorContender implements Contender {

	private final GlmProtocol protocol;

	private final URI uri;

	private final HttpClient client;

	private final JsonMapper mapper = JsonMapper.builder().build();

	FloorContender(GlmProtocol protocol, String baseUrl) {
		this(protocol, baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
	}

	FloorContender(GlmProtocol protocol, String baseUrl, HttpClient client) {
		this.protocol = protocol;
		this.client = client;
		this.uri = URI.create(baseUrl + protocol.wireProtocol().getDefaultPath());
	}

	@Override
	public String name() {
		return "floor: JDK HttpClient + Jackson readTree";
	}

	@Override
	public GlmProtocol protocol() {
		return this.protocol;
	}

	@Override
	public boolean isFloor() {
		return true;
	}

	/**
	 * The streaming request for a scenario.
	 * @param scenario the scenario
	 * @return the request
	 */
	HttpRequest request(Scenario scenario) {
		String messages = "[{\"role\":\"user\",\"content\":\"" + scenario.prompt() + "\"}]";
		String body = switch (this.protocol) {
			case OPENAI_COMPATIBLE -> "{\"model\":\"glm-4.6\",\"messages\":" + messages
					+ ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
			case DASHSCOPE -> "{\"model\":\"glm-4.6\",\"input\":{\"messages\":" + messages
					+ "},\"parameters\":{\"result_format\":\"message\",\"incremental_output\":true}}";
			case ZHIPU -> "{\"model\":\"glm-4.6\",\"messages\":" + messages + ",\"stream\":true}";
		};
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.header("Authorization", "Bearer sk-test")
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (this.protocol == GlmProtocol.DASHSCOPE) {
			request.header("X-DashScope-SSE", "enable");
		}
		return request.build();
	}

	/**
	 * Parse one line of the body: {@code null} unless it is a {@code data:} line with
	 * JSON.
	 * @param line the line
	 * @return the tree or {@code null}
	 */
	@Nullable JsonNode parse(String line) {
		if (!line.startsWith("data:")) {
			return null;
		}
		String data = line.substring((line.length() > 5 && line.charAt(5) == ' ') ? 6 : 5);
		return data.equals("[DONE]") ? null : this.mapper.readTree(data);
	}

	/**
	 * The object holding {@code content} and {@code reasoning_content}.
	 * @param node a parsed event
	 * @return the delta (compatible, zhipu) or message (native), possibly missing
	 */
	JsonNode delta(JsonNode node) {
		return (this.protocol == GlmProtocol.DASHSCOPE) ? node.path("output").path("choices").path(0).path("message")
				: node.path("choices").path(0).path("delta");
	}

	HttpClient client() {
		return this.client;
	}

	@Override
	public Tally run(Scenario scenario) throws IOException, InterruptedException {
		HttpResponse<Stream<String>> response = this.client.send(request(scenario),
				HttpResponse.BodyHandlers.ofLines());
		Tally tally = new Tally();
		try (Stream<String> lines = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("HTTP " + response.statusCode());
			}
			Iterator<String> it = lines.iterator();
			while (it.hasNext()) {
				JsonNode node = parse(it.next());
				if (node == null) {
					continue;
				}
				tally.item();
				JsonNode delta = delta(node);
				tally.answer(text(delta.path("content")));
				tally.reasoning(text(delta.path("reasoning_content")));
			}
		}
		return tally;
	}

	static @Nullable String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

}
