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

package io.github.glmspringai.api;

import java.util.List;

import io.github.glmspringai.api.dashscope.DashScopeGlmApi;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class GlmApiBuilderTests {

	private static final String KEY = "sk-secret-0123456789";

	@ParameterizedTest
	@ValueSource(strings = { "\r\nX-Injected: 1", "\n", "\u0000", " tail", "\u00e9" })
	void headerBreakingKeysAreRejectedWithoutPrintingTheKey(String suffix) {
		Throwable thrown = catchThrowable(() -> GlmApi.builder().apiKey(KEY + suffix).build());
		assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("apiKey")
			.hasMessageNotContaining(KEY);
	}

	@Test
	void missingKeyNamesThePropertyAndTheEnvironmentVariable() {
		assertThatThrownBy(() -> GlmApi.builder().build()).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spring.ai.glm.api-key")
			.hasMessageContaining("DASHSCOPE_API_KEY");
	}

	@Test
	void missingZhipuKeyNamesZhipusVariables() {
		assertThatThrownBy(() -> GlmApi.builder().protocol(GlmWireProtocol.ZHIPU).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spring.ai.glm.api-key or the ZHIPUAI_API_KEY or ZAI_API_KEY environment variable")
			.hasMessageNotContaining("DASHSCOPE");
	}

	@ParameterizedTest
	@EnumSource(GlmWireProtocol.class)
	void withoutABaseUrlEachProtocolUsesItsOwnHostAndPath(GlmWireProtocol protocol) {
		try (GlmApi api = GlmApi.builder().apiKey(KEY).protocol(protocol).build()) {
			assertThat(api.toString())
				.contains("endpoint=" + protocol.getDefaultBaseUrl() + protocol.getDefaultPath() + ",");
		}
		assertThat(GlmWireProtocol.ZHIPU.getDefaultBaseUrl()).isEqualTo("https://open.bigmodel.cn");
		assertThat(GlmWireProtocol.ZHIPU.getDefaultPath()).isEqualTo("/api/paas/v4/chat/completions");
	}

	@Test
	void aCompletionsPathReplacesTheProtocolsPath() {
		try (GlmApi api = GlmApi.builder()
			.apiKey(KEY)
			.protocol(GlmWireProtocol.ZHIPU)
			.baseUrl("https://api.z.ai")
			.completionsPath(" /api/coding/paas/v4/chat/completions ")
			.build()) {
			assertThat(api.toString()).contains("endpoint=https://api.z.ai/api/coding/paas/v4/chat/completions,");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/coding/paas/v4/chat/completions", "//evil.example/v4", "/v4?x=1", "/v4#top",
			"/v4 chat", "/v4/\u00e9" })
	void aBadCompletionsPathIsRejectedNamingIt(String path) {
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).completionsPath(path).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("completionsPath");
	}

	@Test
	void theZhipuProtocolHasNoWorkspace() {
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).protocol(GlmWireProtocol.ZHIPU).workspace("ws").build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("workspace")
			.hasMessageContaining("spring.ai.glm.workspace");
	}

	@Test
	void plainHttpToANonLoopbackHostIsRefusedUnlessAllowed() {
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).baseUrl("http://dashscope.aliyuncs.com").build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spring.ai.glm.allow-insecure-http");
		try (GlmApi api = GlmApi.builder()
			.apiKey(KEY)
			.baseUrl("http://gateway.internal:8080")
			.allowInsecureHttp(true)
			.build()) {
			assertThat(api.getProtocol()).isEqualTo(GlmWireProtocol.OPENAI_COMPATIBLE);
		}
		try (GlmApi api = GlmApi.builder().apiKey(KEY).baseUrl("http://localhost:1234").build()) {
			assertThat(api.toString()).contains("localhost:1234").doesNotContain(KEY);
		}
	}

	@Test
	void protocolIsSelectableAndToStringNeverShowsTheKey() {
		try (GlmApi api = GlmApi.builder().apiKey(KEY).protocol(GlmWireProtocol.DASHSCOPE).workspace("ws").build()) {
			assertThat(api).isInstanceOf(DashScopeGlmApi.class);
			assertThat(api.toString()).contains(GlmWireProtocol.DASHSCOPE.getDefaultPath()).doesNotContain(KEY);
		}
	}

	@Test
	void badSettingsNameTheSetting() {
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).idleTimeout(java.time.Duration.ZERO).build())
			.hasMessageContaining("idleTimeout");
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).maxConnections(0).build())
			.hasMessageContaining("maxConnections");
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).baseUrl("ftp://x").build())
			.hasMessageContaining("baseUrl");
	}

	@Test
	void badProxiesNameTheFieldAndNeverPrintThePassword() {
		assertThatThrownBy(() -> GlmProxy.http("proxy.corp", 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must be in [1, 65535]");
		assertThatThrownBy(() -> GlmProxy.http(" ", 8080)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spring.ai.glm.proxy.host");
		assertThatThrownBy(() -> new GlmProxy(GlmProxy.Type.HTTP, "proxy.corp", 8080, "user", null, List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("username and password");
		assertThatThrownBy(() -> GlmProxy.http("proxy.corp", 8080).withNonProxyHosts(List.of("")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("nonProxyHosts");
		GlmProxy proxy = GlmProxy.socks5("proxy.corp", 1080).withCredentials("user", "proxy-secret");
		assertThat(proxy.toString()).contains("SOCKS5", "proxy.corp", "user").doesNotContain("proxy-secret");
		try (GlmApi api = GlmApi.builder().apiKey(KEY).proxy(proxy).build()) {
			assertThat(api.toString()).doesNotContain("proxy-secret").doesNotContain(KEY);
		}
	}

	@Test
	void sslContextMustBeAClientContext() throws Exception {
		HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
		SslContext server = SslContextBuilder.forServer(certificate.keyPair().getPrivate(), certificate.certificate())
			.build();
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).sslContext(server))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("sslContext");
	}

}
