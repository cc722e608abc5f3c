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

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A request the {@link FakeGlmService} received, as it arrived.
 *
 * @author glm-spring-ai
 */
public final class RecordedGlmRequest {

	private final String method;

	private final String path;

	private final Map<String, List<String>> headers;

	private final String body;

	private final @Nullable JsonNode json;

	private final @Nullable Wire wire;

	private final String requestId;

	RecordedGlmRequest(String method, String path, Map<String, List<String>> headers, String body,
			@Nullable JsonNode json, @Nullable Wire wire, String requestId) {
		this.method = method;
		this.path = path;
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		this.headers = Collections.unmodifiableMap(copy);
		this.body = body;
		this.json = json;
		this.wire = wire;
		this.requestId = requestId;
	}

	/**
	 * The HTTP method.
	 * @return e.g. {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path, without the query.
	 * @return e.g. {@code /compatible-mode/v1/chat/completions}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Every header, by name (case-insensitive).
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * The first value of a header.
	 * @param name the header name (any case)
	 * @return the value, or {@code null} if the header is absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The body as text (UTF-8).
	 * @return the body, empty if there was none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The body as JSON, e.g. {@code json().path("messages").get(0).path("content")}.
	 * @return the JSON object, or a missing node if the body was not a JSON object
	 */
	public JsonNode json() {
		return (this.json != null) ? this.json : MissingNode.getInstance();
	}

	/**
	 * The protocol whose endpoint the request hit.
	 * @return the protocol, or {@code null} for a path no protocol serves
	 */
	public @Nullable GlmProtocol protocol() {
		return (this.wire != null) ? this.wire.protocol() : null;
	}

	/**
	 * The request id the service gave this request: in the stream's {@code request_id}
	 * (Bailian), chunk {@code id} (Zhipu, and {@code chatcmpl-<id>} on the compatible
	 * mode) and error bodies, so it is the id a client reports.
	 * @return the request id
	 */
	public String requestId() {
		return this.requestId;
	}

	@Nullable Wire wire() {
		return this.wire;
	}

	@Override
	public String toString() {
		return "RecordedGlmRequest{" + this.method + " " + this.path + ", protocol=" + this.wire + ", requestId="
				+ this.requestId + ", body="
				+ ((this.body.length() > 200) ? this.body.substring(0, 200) + "…" : this.body) + '}';
	}

}
