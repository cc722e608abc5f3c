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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmProxy;
import io.github.glmspringai.testfixtures.ConnectProxy;
import io.github.glmspringai.testfixtures.SelfSignedTls;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our Reactor Netty client at the wire, on every protocol: TLS with a private CA, proxies
 * (explicit and the JVM's system properties), the customizer, and the key kept below the
 * {@link WebClient} layer, where application filters and codec logging never see it
 * (issue 11, items 14 and 15).
 */
class GlmHttpClientTests extends WireTestSupport {

	private final SelfSignedTls tls = new SelfSignedTls();

	/**
	 * Item 15: a private CA fails the handshake (PKIX) until its certificate is trusted.
	 */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void privateCaIsRefusedByDefaultAndTrustedWithAnSslContext(WireFixture fixture) {
		this.tls.serve(this.server);
		enqueueStream(fixture.referenceStream());
		try (GlmApi untrusting = https(fixture, "localhost").build()) {
			assertThatThrownBy(() -> call(untrusting)).hasStackTraceContaining("PKIX");
		}
		assertThat(this.server.getRequestCount()).isZero();

		try (GlmApi api = https(fixture, "localhost").sslContext(this.tls.clientSslContext()).build()) {
			assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	/** Item 15: an explicit proxy with credentials carries the TLS stream. */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void explicitProxyTunnelsTheStreamWithItsCredentials(WireFixture fixture) throws Exception {
		this.tls.serve(this.server);
		enqueueStream(fixture.referenceStream());
		try (ConnectProxy proxy = new ConnectProxy("corp", "proxy-secret");
				GlmApi api = https(fixture, SelfSignedTls.HOST).sslContext(this.tls.clientSslContext())
					.proxy(GlmProxy.http("127.0.0.1", proxy.port()).withCredentials("corp", "proxy-secret"))
					.build();
				GlmApi wrongPassword = https(fixture, SelfSignedTls.HOST).sslContext(this.tls.clientSslContext())
					.proxy(GlmProxy.http("127.0.0.1", proxy.port()).withCredentials("corp", "wrong"))
					.build()) {
			assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
			assertThat(proxy.connects()).containsExactly(SelfSignedTls.HOST + ":" + this.server.getPort());
			assertThat(proxy.rejected()).isZero();
			assertThat(proxy.heads()).singleElement()
				.asString()
				.startsWith("CONNECT " + SelfSignedTls.HOST + ":")
				.containsIgnoringCase("Proxy-Authorization: Basic ")
				.as("the key travels inside the TLS tunnel only")
				.doesNotContain(API_KEY);
			assertThat(this.takeRequest().getHeaders().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + API_KEY);

			assertThatThrownBy(() -> call(wrongPassword)).hasStackTraceContaining("407");
			assertThat(proxy.rejected()).isEqualTo(1);
			assertThat(api.toString()).doesNotContain("proxy-secret");
		}
	}

	/** Item 15: a SOCKS5 proxy carries the TLS stream too. */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void socks5ProxyCarriesTheStream(WireFixture fixture) throws Exception {
		this.tls.serve(this.server);
		enqueueStream(fixture.referenceStream());
		try (ConnectProxy proxy = new ConnectProxy();
				GlmApi api = https(fixture, SelfSignedTls.HOST).sslContext(this.tls.clientSslContext())
					.proxy(GlmProxy.socks5("127.0.0.1", proxy.port()))
					.build()) {
			assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
			assertThat(proxy.connects()).containsExactly(SelfSignedTls.HOST + ":" + this.server.getPort());
		}
	}

	/** Item 15: without an explicit proxy, the JVM's proxy system properties apply. */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void proxySystemPropertiesAreHonouredByDefault(WireFixture fixture) throws Exception {
		this.tls.serve(this.server);
		enqueueStream(fixture.referenceStream());
		try (ConnectProxy proxy = new ConnectProxy()) {
			GlmApi api = proxy.asSystemProxy(
					() -> https(fixture, SelfSignedTls.HOST).sslContext(this.tls.clientSslContext()).build());
			try (api) {
				assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
			}
			assertThat(proxy.connects()).containsExactly(SelfSignedTls.HOST + ":" + this.server.getPort());
		}
	}

	/** Item 15: an explicit proxy wins over the system properties. */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void explicitProxyWinsOverTheSystemProperties(WireFixture fixture) throws Exception {
		this.tls.serve(this.server);
		enqueueStream(fixture.referenceStream());
		try (ConnectProxy system = new ConnectProxy(); ConnectProxy explicit = new ConnectProxy()) {
			GlmApi api = system
				.asSystemProxy(() -> https(fixture, SelfSignedTls.HOST).sslContext(this.tls.clientSslContext())
					.proxy(GlmProxy.http("127.0.0.1", explicit.port()))
					.build());
			try (api) {
				assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
			}
			assertThat(explicit.connects()).hasSize(1);
			assertThat(system.connects()).isEmpty();
		}
	}

	/** Item 15: hosts matching non-proxy-hosts are reached directly. */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void nonProxyHostsAreReachedDirectly(WireFixture fixture) throws Exception {
		this.tls.serve(this.server);
		enqueueStream(fixture.referenceStream());
		try (ConnectProxy proxy = new ConnectProxy();
				GlmApi api = https(fixture, "localhost").sslContext(this.tls.clientSslContext())
					.proxy(GlmProxy.http("127.0.0.1", proxy.port()).withNonProxyHosts(List.of("*.internal", "LOCAL*")))
					.build()) {
			assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
			assertThat(proxy.connects()).isEmpty();
		}
	}

	/**
	 * Item 15: the customizer runs last on our client; item 14: the key is a header of
	 * that client, so an application filter and codec logging of request details (TRACE,
	 * scanned by {@link SecretScanningAppender}) never see it, while the service gets it.
	 */
	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void customizerRunsLastAndTheKeyStaysBelowTheWebClient(WireFixture fixture) throws Exception {
		enqueueStream(fixture.referenceStream());
		List<HttpHeaders> seenByFilter = new CopyOnWriteArrayList<>();
		WebClient.Builder application = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true))
			.filter((request, next) -> {
				seenByFilter.add(request.headers());
				return next.exchange(request);
			});
		try (GlmApi api = apiBuilder(fixture).webClientBuilder(application)
			.httpClientCustomizer((client) -> client.headers((headers) -> headers.set("X-Customized", "yes")))
			.build()) {
			assertThat(call(api).getResult().getOutput().getText()).isEqualTo(fixture.reference().text());
		}
		RecordedRequest request = takeRequest();
		assertThat(request.getHeaders().get("X-Customized")).isEqualTo("yes");
		assertThat(request.getHeaders().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + API_KEY);
		assertThat(seenByFilter).singleElement().satisfies((headers) -> {
			assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
			assertThat(headers.toString()).doesNotContain(API_KEY);
		});
	}

	private GlmApi.Builder https(WireFixture fixture, String host) {
		return apiBuilder(fixture).baseUrl("https://" + host + ":" + this.server.getPort());
	}

	private static ChatResponse call(GlmApi api) {
		return GlmChatModel.builder().api(api).retryTemplate(NO_RETRY).build().call(new Prompt("你是谁"));
	}

}
