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

package io.github.glmspringai.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmResponseFormat;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding, defaults and overrides of every {@code spring.ai.glm.*} property, and the
 * generated configuration metadata.
 *
 * @author glm-spring-ai
 */
class GlmChatPropertiesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void connectionDefaults() {
		GlmTestFrames.runner().withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY).run((context) -> {
			GlmConnectionProperties connection = context.getBean(GlmConnectionProperties.class);
			assertThat(connection.getApiKey()).isEqualTo(GlmTestFrames.API_KEY);
			assertThat(connection.getBaseUrl()).as("unset: the protocol's or the region's").isNull();
			assertThat(connection.getRegion()).isNull();
			assertThat(connection.getProtocol()).isEqualTo(GlmProtocol.OPENAI_COMPATIBLE);
			assertThat(connection.getWorkspace()).isNull();
			assertThat(connection.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(connection.getFirstTokenTimeout()).isEqualTo(Duration.ofSeconds(120));
			assertThat(connection.getIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(connection.getMaxConnections()).isEqualTo(1000).isGreaterThanOrEqualTo(500);
			assertThat(connection.getPendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(45));
			assertThat(connection.getPoolMaxIdleTime()).isEqualTo(Duration.ofSeconds(30));
			assertThat(connection.isAllowInsecureHttp()).isFalse();
			assertThat(connection.toString()).doesNotContain(GlmTestFrames.API_KEY);

			GlmApi api = context.getBean(GlmApi.class);
			assertThat(api.getProtocol()).isEqualTo(GlmProtocol.OPENAI_COMPATIBLE);
			assertThat(api.toString()).contains("https://dashscope.aliyuncs.com" + GlmTestFrames.COMPATIBLE_PATH)
				.doesNotContain(GlmTestFrames.API_KEY);
		});
	}

	@Test
	void chatDefaults() {
		GlmTestFrames.runner().withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY).run((context) -> {
			GlmChatProperties chat = context.getBean(GlmChatProperties.class);
			assertThat(chat.isEnabled()).isTrue();
			assertThat(chat.getModel()).isEqualTo("glm-5");
			assertThat(chat.toOptions()).isEqualTo(GlmChatOptions.builder().model("glm-5").build());
			assertThat(context.getBean(GlmChatModel.class).getOptions())
				.isEqualTo(GlmChatOptions.builder().model("glm-5").build());
		});
	}

	@Test
	void connectionOverrides() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=sk-override",
					"spring.ai.glm.base-url=https://dashscope-intl.aliyuncs.com", "spring.ai.glm.protocol=dashscope",
					"spring.ai.glm.workspace=ws-123", "spring.ai.glm.connect-timeout=3s",
					"spring.ai.glm.first-token-timeout=5m", "spring.ai.glm.idle-timeout=90",
					"spring.ai.glm.max-connections=2000", "spring.ai.glm.pending-acquire-timeout=750ms",
					"spring.ai.glm.pool-max-idle-time=20s", "spring.ai.glm.allow-insecure-http=true")
			.run((context) -> {
				GlmConnectionProperties connection = context.getBean(GlmConnectionProperties.class);
				assertThat(connection.getApiKey()).isEqualTo("sk-override");
				assertThat(connection.getBaseUrl()).isEqualTo("https://dashscope-intl.aliyuncs.com");
				assertThat(connection.getProtocol()).isEqualTo(GlmProtocol.DASHSCOPE);
				assertThat(connection.getWorkspace()).isEqualTo("ws-123");
				assertThat(connection.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(connection.getFirstTokenTimeout()).isEqualTo(Duration.ofMinutes(5));
				assertThat(connection.getIdleTimeout()).as("a number without unit is in seconds")
					.isEqualTo(Duration.ofSeconds(90));
				assertThat(connection.getMaxConnections()).isEqualTo(2000);
				assertThat(connection.getPendingAcquireTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(connection.getPoolMaxIdleTime()).isEqualTo(Duration.ofSeconds(20));
				assertThat(connection.isAllowInsecureHttp()).isTrue();

				GlmApi api = context.getBean(GlmApi.class);
				assertThat(api.getProtocol()).isEqualTo(GlmProtocol.DASHSCOPE);
				assertThat(api.toString())
					.contains("https://dashscope-intl.aliyuncs.com" + GlmTestFrames.DASHSCOPE_PATH)
					.contains("ws-123");
			});
	}

	@Test
	void protocolAcceptsConfigurationValuesAndEnumNames() {
		Map<String, GlmProtocol> values = Map.of("openai-compatible", GlmProtocol.OPENAI_COMPATIBLE,
				"OPENAI_COMPATIBLE", GlmProtocol.OPENAI_COMPATIBLE, "dashscope", GlmProtocol.DASHSCOPE, "DASHSCOPE",
				GlmProtocol.DASHSCOPE);
		values.forEach((value, protocol) -> GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.protocol=" + value)
			.run((context) -> assertThat(context.getBean(GlmApi.class).getProtocol()).as(value).isEqualTo(protocol)));
	}

	@Test
	void unknownProtocolFailsStartupNamingTheProperty() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.protocol=grpc")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("spring.ai.glm.protocol")
					.hasStackTraceContaining("grpc");
			});
	}

	@Test
	void regionPicksTheHostAndAWorkspaceDomainRegionNeedsTheWorkspace() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.region=ap-singapore")
			.run((context) -> assertThat(context.getBean(GlmApi.class).toString())
				.contains("https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"));
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.region=eu-frankfurt",
					"spring.ai.glm.workspace=ws-9", "spring.ai.glm.protocol=dashscope")
			.run((context) -> assertThat(context.getBean(GlmApi.class).toString()).contains(
					"https://ws-9.eu-central-1.maas.aliyuncs.com/api/v1/services/aigc/text-generation/generation"));
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.region=eu-frankfurt")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("region eu-frankfurt")
					.hasStackTraceContaining("spring.ai.glm.workspace");
			});
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.region=eu-frankfurt",
					"spring.ai.glm.workspace=ws-9", "spring.ai.glm.base-url=https://gateway.example.com")
			.run((context) -> assertThat(context.getBean(GlmApi.class).toString()).as("an explicit base-url wins")
				.contains("https://gateway.example.com/compatible-mode/v1/chat/completions"));
	}

	@Test
	void chatOverrides() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.chat.model=glm-4.5-air", "spring.ai.glm.chat.enable-thinking=false",
					"spring.ai.glm.chat.thinking-budget=2048", "spring.ai.glm.chat.temperature=0.7",
					"spring.ai.glm.chat.top-p=0.8", "spring.ai.glm.chat.top-k=50",
					"spring.ai.glm.chat.repetition-penalty=1.1", "spring.ai.glm.chat.presence-penalty=0.5",
					"spring.ai.glm.chat.max-tokens=4096", "spring.ai.glm.chat.stop-sequences=END,STOP",
					"spring.ai.glm.chat.seed=42", "spring.ai.glm.chat.response-format=json-object",
					"spring.ai.glm.chat.output-schema={\"type\":\"object\"}", "spring.ai.glm.chat.tool-choice=none",
					"spring.ai.glm.chat.parallel-tool-calls=true", "spring.ai.glm.chat.extra-body[enable_search]=false",
					"spring.ai.glm.chat.extra-body[search_options][forced_search]=true",
					"spring.ai.glm.chat.http-headers[X-DashScope-DataInspection]=enable")
			.run((context) -> {
				GlmChatOptions expected = GlmChatOptions.builder()
					.model("glm-4.5-air")
					.enableThinking(false)
					.thinkingBudget(2048)
					.temperature(0.7)
					.topP(0.8)
					.topK(50)
					.repetitionPenalty(1.1)
					.presencePenalty(0.5)
					.maxTokens(4096)
					.stopSequences(List.of("END", "STOP"))
					.seed(42L)
					.responseFormat(GlmResponseFormat.JSON_OBJECT)
					.outputSchema("{\"type\":\"object\"}")
					.toolChoice("none")
					.parallelToolCalls(true)
					.extraBody(Map.of("enable_search", "false", "search_options", Map.of("forced_search", "true")))
					.httpHeaders(Map.of("X-DashScope-DataInspection", "enable"))
					.build();
				assertThat(context.getBean(GlmChatProperties.class).toOptions()).isEqualTo(expected);
				assertThat(context.getBean(GlmChatModel.class).getOptions()).isEqualTo(expected);
			});
	}

	@Test
	void responseFormatAcceptsKebabCaseAndEnumNames() {
		Map<String, GlmResponseFormat> values = Map.of("text", GlmResponseFormat.TEXT, "json-object",
				GlmResponseFormat.JSON_OBJECT, "json_object", GlmResponseFormat.JSON_OBJECT, "JSON_SCHEMA",
				GlmResponseFormat.JSON_SCHEMA);
		values.forEach((value, format) -> GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.chat.response-format=" + value)
			.run((context) -> assertThat(context.getBean(GlmChatModel.class).getOptions().getResponseFormat()).as(value)
				.isEqualTo(format)));
	}

	@Test
	void chatPropertiesReachTheWire() {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.workspace=ws-9", "spring.ai.glm.chat.model=glm-4.5",
					"spring.ai.glm.chat.enable-thinking=false", "spring.ai.glm.chat.temperature=0.3",
					"spring.ai.glm.chat.top-p=0.9", "spring.ai.glm.chat.top-k=40",
					"spring.ai.glm.chat.repetition-penalty=1.05", "spring.ai.glm.chat.presence-penalty=0.2",
					"spring.ai.glm.chat.max-tokens=1024", "spring.ai.glm.chat.stop-sequences=END",
					"spring.ai.glm.chat.seed=7", "spring.ai.glm.chat.response-format=json-object",
					"spring.ai.glm.chat.tool-choice=auto", "spring.ai.glm.chat.parallel-tool-calls=false",
					"spring.ai.glm.chat.extra-body[custom_flag]=on",
					"spring.ai.glm.chat.http-headers[X-Trace-Tag]=props")
			.run((context) -> {
				context.getBean(GlmChatModel.class).call(new Prompt("Answer in JSON"));
				RecordedRequest request = this.server.takeRequest();
				assertThat(request.getUrl().encodedPath()).isEqualTo(GlmTestFrames.COMPATIBLE_PATH);
				assertThat(request.getHeaders().get("X-DashScope-WorkSpace")).isEqualTo("ws-9");
				assertThat(request.getHeaders().get("X-Trace-Tag")).isEqualTo("props");
				JsonNode body = JSON.readTree(request.getBody().utf8());
				assertThat(body.get("model").asString()).isEqualTo("glm-4.5");
				assertThat(body.get("enable_thinking").booleanValue()).isFalse();
				assertThat(body.get("temperature").doubleValue()).isEqualTo(0.3);
				assertThat(body.get("top_p").doubleValue()).isEqualTo(0.9);
				assertThat(body.get("top_k").intValue()).isEqualTo(40);
				assertThat(body.get("repetition_penalty").doubleValue()).isEqualTo(1.05);
				assertThat(body.get("presence_penalty").doubleValue()).isEqualTo(0.2);
				assertThat(body.get("max_tokens").intValue()).isEqualTo(1024);
				assertThat(body.get("stop").get(0).asString()).isEqualTo("END");
				assertThat(body.get("seed").longValue()).isEqualTo(7L);
				assertThat(body.get("response_format").get("type").asString()).isEqualTo("json_object");
				assertThat(body.get("parallel_tool_calls").booleanValue()).isFalse();
				assertThat(body.get("custom_flag").asString()).isEqualTo("on");
				assertThat(body.get("stream").booleanValue()).isTrue();
			});
	}

	@Test
	void metadataDocumentsEveryPropertyWithDefaults() throws Exception {
		JsonNode metadata = ownMetadata();
		Map<String, JsonNode> properties = new HashMap<>();
		for (JsonNode property : metadata.get("properties")) {
			properties.put(property.get("name").asString(), property);
		}
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("spring.ai.glm.protocol", "openai-compatible");
		defaults.put("spring.ai.glm.connect-timeout", "10s");
		defaults.put("spring.ai.glm.first-token-timeout", "120s");
		defaults.put("spring.ai.glm.first-token-deadline", "5m");
		defaults.put("spring.ai.glm.idle-timeout", "60s");
		defaults.put("spring.ai.glm.max-connections", 1000);
		defaults.put("spring.ai.glm.pending-acquire-timeout", "45s");
		defaults.put("spring.ai.glm.pool-max-idle-time", "30s");
		defaults.put("spring.ai.glm.allow-insecure-http", false);
		defaults.put("spring.ai.glm.proxy.type", "http");
		defaults.put("spring.ai.glm.chat.enabled", true);
		defaults.put("spring.ai.glm.chat.model", "glm-5");
		defaults.put("spring.ai.glm.limits.acquire-timeout", "30s");
		defaults.put("spring.ai.glm.limits.default-output-tokens", 1024);
		defaults.put("spring.ai.glm.limits.store", "local");
		defaults.put("spring.ai.glm.limits.redis.key-prefix", "glm-spring-ai:limits");
		defaults.put("spring.ai.glm.limits.redis.lease-time", "30s");
		defaults.put("spring.ai.glm.limits.redis.failure-policy", "fail-open");
		List<String> withoutDefault = List.of("spring.ai.glm.api-key", "spring.ai.glm.workspace",
				"spring.ai.glm.base-url", "spring.ai.glm.region", "spring.ai.glm.completions-path",
				"spring.ai.glm.chat.reasoning-effort", "spring.ai.glm.chat.clear-thinking",
				"spring.ai.glm.chat.tool-stream", "spring.ai.glm.chat.enable-thinking",
				"spring.ai.glm.chat.thinking-budget", "spring.ai.glm.chat.temperature", "spring.ai.glm.chat.top-p",
				"spring.ai.glm.chat.top-k", "spring.ai.glm.chat.repetition-penalty",
				"spring.ai.glm.chat.presence-penalty", "spring.ai.glm.chat.max-tokens",
				"spring.ai.glm.chat.stop-sequences", "spring.ai.glm.chat.seed", "spring.ai.glm.chat.response-format",
				"spring.ai.glm.chat.output-schema", "spring.ai.glm.chat.tool-choice",
				"spring.ai.glm.chat.parallel-tool-calls", "spring.ai.glm.chat.extra-body",
				"spring.ai.glm.chat.http-headers", "spring.ai.glm.ssl.bundle", "spring.ai.glm.proxy.host",
				"spring.ai.glm.proxy.port", "spring.ai.glm.proxy.username", "spring.ai.glm.proxy.password",
				"spring.ai.glm.proxy.non-proxy-hosts", "spring.ai.glm.limits.max-concurrent-requests",
				"spring.ai.glm.limits.requests-per-minute", "spring.ai.glm.limits.tokens-per-minute");
		assertThat(properties).hasSize(defaults.size() + withoutDefault.size());
		defaults.forEach((name, value) -> {
			assertThat(properties).containsKey(name);
			JsonNode defaultValue = properties.get(name).get("defaultValue");
			assertThat(defaultValue).as(name).isNotNull();
			assertThat((value instanceof String) ? defaultValue.asString() : defaultValue.toString()).as(name)
				.isEqualTo(String.valueOf(value));
		});
		withoutDefault.forEach((name) -> assertThat(properties).containsKey(name));
		properties.forEach((name, property) -> assertThat(property.path("description").asString()).as(name)
			.hasSizeGreaterThan(20));
		assertThat(properties.get("spring.ai.glm.api-key").get("description").asString()).contains("DASHSCOPE_API_KEY");
		List<String> hinted = metadata.get("hints").valueStream().map((hint) -> hint.get("name").asString()).toList();
		assertThat(hinted).contains("spring.ai.glm.protocol", "spring.ai.glm.chat.model", "spring.ai.model.chat");
	}

	private static JsonNode ownMetadata() throws Exception {
		for (URL url : Collections.list(GlmChatPropertiesTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JSON.readTree(in);
				for (JsonNode group : metadata.path("groups")) {
					if (GlmConnectionProperties.class.getName().equals(group.path("type").asString())) {
						return metadata;
					}
				}
			}
		}
		throw new AssertionError("no generated metadata for " + GlmConnectionProperties.class.getName());
	}

}
