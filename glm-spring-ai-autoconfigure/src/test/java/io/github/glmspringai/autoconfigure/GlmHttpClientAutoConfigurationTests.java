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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import io.github.glmspringai.testfixtures.ConnectProxy;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.testfixtures.SelfSignedTls;
import io.netty.channel.ChannelOption;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's HTTP client settings on the auto-configured client (issue 11, item
 * 15), at the wire: an SSL bundle trusting a private CA, proxies, Spring Boot's global
 * {@code spring.http.clients.*}, {@link GlmHttpClientCustomizer} beans, and our pool
 * still in force.
 *
 * @author glm-spring-ai
 */
class GlmHttpClientAutoConfigurationTests {

	private static final String PROXY_PASSWORD = "proxy-secret-42";

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final SelfSignedTls tls = new SelfSignedTls();

	@TempDir
	private Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void sslBundleTrustsAPrivateCa(String protocol) {
		this.tls.serve(this.server);
		this.server.enqueue(stream(protocol));
		runner(protocol, "localhost")
			.run((context) -> assertThatThrownBy(() -> call(context.getBean(GlmChatModel.class)))
				.hasStackTraceContaining("PKIX"));
		assertThat(this.server.getRequestCount()).isZero();

		runner(protocol, "localhost").withPropertyValues(pemBundle("glm-ca"), "spring.ai.glm.ssl.bundle=glm-ca")
			.run((context) -> assertThat(call(context.getBean(GlmChatModel.class))).isEqualTo(answer(protocol)));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void bootGlobalSslBundleAppliesUnlessOursIsSet() {
		this.tls.serve(this.server);
		this.server.enqueue(stream("openai-compatible"));
		runner("openai-compatible", "localhost")
			.withPropertyValues(pemBundle("corporate"), "spring.http.clients.ssl.bundle=corporate")
			.run((context) -> assertThat(call(context.getBean(GlmChatModel.class)))
				.isEqualTo(answer("openai-compatible")));
		runner("openai-compatible", "localhost")
			.withPropertyValues(pemBundle("corporate"), "spring.http.clients.ssl.bundle=corporate",
					"spring.ai.glm.ssl.bundle=missing")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("spring.ai.glm.ssl.bundle names the SSL bundle 'missing'"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void proxyPropertiesTunnelTheStreamAndWinOverTheSystemProperties(String protocol) throws Exception {
		this.tls.serve(this.server);
		this.server.enqueue(stream(protocol));
		this.server.enqueue(stream(protocol));
		try (ConnectProxy system = new ConnectProxy();
				ConnectProxy explicit = new ConnectProxy("corp", PROXY_PASSWORD)) {
			system.asSystemProxy(() -> {
				runner(protocol, SelfSignedTls.HOST)
					.withPropertyValues(pemBundle("glm-ca"), "spring.ai.glm.ssl.bundle=glm-ca")
					.run((context) -> assertThat(call(context.getBean(GlmChatModel.class)))
						.isEqualTo(answer(protocol)));
				runner(protocol, SelfSignedTls.HOST)
					.withPropertyValues(pemBundle("glm-ca"), "spring.ai.glm.ssl.bundle=glm-ca",
							"spring.ai.glm.proxy.host=127.0.0.1", "spring.ai.glm.proxy.port=" + explicit.port(),
							"spring.ai.glm.proxy.username=corp", "spring.ai.glm.proxy.password=" + PROXY_PASSWORD)
					.run((context) -> {
						assertThat(call(context.getBean(GlmChatModel.class))).isEqualTo(answer(protocol));
						assertThat(context.getBean(GlmConnectionProperties.class).toString())
							.doesNotContain(PROXY_PASSWORD);
					});
				return null;
			});
			String target = SelfSignedTls.HOST + ":" + this.server.getPort();
			assertThat(system.connects()).containsExactly(target);
			assertThat(explicit.connects()).containsExactly(target);
			assertThat(explicit.rejected()).isZero();
		}
	}

	@Test
	void socks5ProxyAndNonProxyHostsBind() throws Exception {
		this.tls.serve(this.server);
		this.server.enqueue(stream("openai-compatible"));
		this.server.enqueue(stream("openai-compatible"));
		try (ConnectProxy proxy = new ConnectProxy()) {
			String[] socks = { pemBundle("glm-ca"), "spring.ai.glm.ssl.bundle=glm-ca",
					"spring.ai.glm.proxy.type=socks5", "spring.ai.glm.proxy.host=127.0.0.1",
					"spring.ai.glm.proxy.port=" + proxy.port() };
			runner("openai-compatible", SelfSignedTls.HOST).withPropertyValues(socks)
				.run((context) -> assertThat(call(context.getBean(GlmChatModel.class)))
					.isEqualTo(answer("openai-compatible")));
			runner("openai-compatible", "localhost").withPropertyValues(socks)
				.withPropertyValues("spring.ai.glm.proxy.non-proxy-hosts=*.corp.example,localhost")
				.run((context) -> assertThat(call(context.getBean(GlmChatModel.class)))
					.isEqualTo(answer("openai-compatible")));
			assertThat(proxy.connects()).containsExactly(SelfSignedTls.HOST + ":" + this.server.getPort());
		}
	}

	@Test
	void partialProxyPropertiesFailStartupNamingTheProperty() {
		runner("openai-compatible", "localhost").withPropertyValues("spring.ai.glm.proxy.port=3128")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.ai.glm.proxy.host must be set"));
		runner("openai-compatible", "localhost")
			.withPropertyValues("spring.ai.glm.proxy.host=proxy.corp", "spring.ai.glm.proxy.port=3128",
					"spring.ai.glm.proxy.password=" + PROXY_PASSWORD)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.ai.glm.proxy.username and spring.ai.glm.proxy.password")
				.hasMessageNotContaining(PROXY_PASSWORD));
	}

	@Test
	void customizerBeansRunInOrderAfterOurSettings() throws Exception {
		this.server.enqueue(stream("openai-compatible"));
		List<Object> connectTimeouts = new CopyOnWriteArrayList<>();
		runner("openai-compatible", null).withPropertyValues("spring.ai.glm.connect-timeout=3s")
			.withBean("second", GlmHttpClientCustomizer.class, () -> new Tagging("second", 2, connectTimeouts))
			.withBean("first", GlmHttpClientCustomizer.class, () -> new Tagging("first", 1, connectTimeouts))
			.run((context) -> assertThat(call(context.getBean(GlmChatModel.class)))
				.isEqualTo(answer("openai-compatible")));
		assertThat(this.server.takeRequest().getHeaders().values("X-Customized")).containsExactly("first", "second");
		assertThat(connectTimeouts).containsExactly(3000, 3000);
	}

	@Test
	void bootGlobalConnectTimeoutAppliesUnlessOursIsSet() {
		assertThat(connectTimeoutMillis()).isEqualTo(10_000);
		assertThat(connectTimeoutMillis("spring.http.clients.connect-timeout=4s")).isEqualTo(4_000);
		assertThat(connectTimeoutMillis("spring.http.clients.connect-timeout=4s", "spring.ai.glm.connect-timeout=2"))
			.isEqualTo(2_000);
	}

	@Test
	void bootSettingsThatCannotApplyAreReportedOnce() {
		try (LogCapture log = LogCapture.of(Level.INFO, GlmHttpClientConfigurer.class.getName())) {
			runner("openai-compatible", null)
				.withPropertyValues("spring.http.clients.reactive.connector=jdk", "spring.http.clients.read-timeout=5s")
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(GlmChatModel.class));
			assertThat(log.lines()).singleElement()
				.asString()
				.contains(
						"spring.http.clients.reactive.connector=jdk, spring.http.clients.read-timeout does not apply to GLM")
				.contains("Reactor Netty");
		}
		try (LogCapture log = LogCapture.of(Level.INFO, GlmHttpClientConfigurer.class.getName())) {
			runner("openai-compatible", null).withPropertyValues("spring.http.clients.reactive.connector=reactor")
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(GlmChatModel.class));
			assertThat(log.lines()).isEmpty();
		}
	}

	@Test
	void maxConnectionsStillLimitsWithAnSslBundle() {
		this.tls.serve(this.server);
		this.server.enqueue(GlmTestFrames.heldCompatibleStream());
		runner("openai-compatible", "localhost")
			.withPropertyValues(pemBundle("glm-ca"), "spring.ai.glm.ssl.bundle=glm-ca",
					"spring.ai.glm.max-connections=1", "spring.ai.glm.pending-acquire-timeout=300ms")
			.run((context) -> GlmTestFrames.assertSecondCallWaitsForThePool(context, this.server));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private @Nullable Object connectTimeoutMillis(String... properties) {
		List<Object> seen = new CopyOnWriteArrayList<>();
		runner("openai-compatible", null).withPropertyValues(properties)
			.withBean(GlmHttpClientCustomizer.class, () -> new Tagging("t", 0, seen))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(GlmChatModel.class));
		assertThat(seen).hasSize(1);
		return seen.get(0);
	}

	/**
	 * The runner against the mock server, without retries.
	 * @param host the host of an https base URL, {@code null} for plain http
	 */
	private ApplicationContextRunner runner(String protocol, @Nullable String host) {
		String baseUrl = (host != null) ? "https://" + host + ":" + this.server.getPort()
				: "http://localhost:" + this.server.getPort();
		return GlmTestFrames.runner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withBean(RetryTemplate.class, () -> new RetryTemplate(RetryPolicy.builder().maxRetries(0).build()))
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.base-url=" + baseUrl,
					"spring.ai.glm.protocol=" + protocol);
	}

	private String pemBundle(String name) {
		return "spring.ssl.bundle.pem." + name + ".truststore.certificate=file:"
				+ this.tls.writeCertificatePem(this.directory);
	}

	private static MockResponse stream(String protocol) {
		return protocol.equals("dashscope") ? GlmTestFrames.dashscopeStream() : GlmTestFrames.compatibleStream();
	}

	private static String answer(String protocol) {
		return protocol.equals("dashscope") ? "!" : "我是";
	}

	private static @Nullable String call(GlmChatModel model) {
		return model.call(new Prompt("Who are you?")).getResult().getOutput().getText();
	}

	/** Adds its tag as an {@code X-Customized} header and records the connect timeout. */
	private record Tagging(String tag, int order,
			List<Object> connectTimeouts) implements GlmHttpClientCustomizer, Ordered {

		@Override
		public HttpClient customize(HttpClient httpClient) {
			this.connectTimeouts.add(httpClient.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS));
			return httpClient.headers((headers) -> headers.add("X-Customized", this.tag));
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
