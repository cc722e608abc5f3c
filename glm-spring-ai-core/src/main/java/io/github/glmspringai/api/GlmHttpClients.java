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

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.ssl.SslContext;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the Reactor Netty client every protocol adapter sends through.
 *
 * @author glm-spring-ai
 */
final class GlmHttpClients {

	private GlmHttpClients() {
	}

	/**
	 * Our Reactor Netty client: the dedicated pool, the connect timeout, the proxy (the
	 * JVM's proxy system properties unless one is given), TLS, then the customizer. The
	 * key is a default header of this client, below {@link WebClient}: filters, codec
	 * logging ({@code log-request-details}) and observations never see it.
	 */
	static HttpClient create(ConnectionProvider connectionProvider, AbstractGlmApi.Settings settings) {
		HttpClient client = HttpClient.create(connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey()))
			// a body the server compressed unasked (a gateway) is still read; nothing is
			// advertised, so the service never compresses an event stream on our request
			.doOnChannelInit((observer, channel, address) -> channel.pipeline()
				.addAfter(NettyPipeline.HttpCodec, "glm.decompressor", new HttpContentDecompressor(0)));
		GlmProxy proxy = settings.proxy();
		client = (proxy != null) ? client.proxy((spec) -> proxy.configure(spec, settings.connectTimeout()))
				: client.proxyWithSystemProperties();
		SslContext sslContext = settings.sslContext();
		if (sslContext != null) {
			client = client.secure((spec) -> spec.sslContext(sslContext));
		}
		return settings.httpClientCustomizer().apply(client);
	}

}
