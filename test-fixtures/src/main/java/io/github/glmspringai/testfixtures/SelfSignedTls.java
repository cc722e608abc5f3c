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

package io.github.glmspringai.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A self-signed certificate made for one test (as a private CA's server would present),
 * for {@code localhost}, {@code 127.0.0.1} and {@link #HOST}, which does not resolve and
 * is only reachable through a {@link ConnectProxy}. The JVM's trust store does not trust
 * it.
 */
public final class SelfSignedTls {

	/** A host that never resolves (RFC 6761). */
	public static final String HOST = "glm.test";

	private final HeldCertificate certificate = new HeldCertificate.Builder().commonName("glm-spring-ai test")
		.addSubjectAlternativeName("localhost")
		.addSubjectAlternativeName("127.0.0.1")
		.addSubjectAlternativeName(HOST)
		.build();

	/**
	 * Make the server speak TLS with this certificate (HTTP/1.1).
	 * @param server the server, not yet started
	 */
	public void serve(MockWebServer server) {
		server
			.useHttps(new HandshakeCertificates.Builder().heldCertificate(this.certificate).build().sslSocketFactory());
	}

	/**
	 * A TLS server socket on loopback presenting this certificate.
	 * @return the bound server socket
	 * @throws IOException if it cannot be bound
	 */
	public ServerSocket serverSocket() throws IOException {
		return new HandshakeCertificates.Builder().heldCertificate(this.certificate)
			.build()
			.sslContext()
			.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	/**
	 * A client TLS context that trusts this certificate only.
	 * @return the context
	 */
	public SslContext clientSslContext() {
		try {
			return SslContextBuilder.forClient().trustManager(this.certificate.certificate()).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write the certificate as PEM, as a Spring Boot PEM SSL bundle reads it.
	 * @param directory where to write it
	 * @return the file
	 */
	public Path writeCertificatePem(Path directory) {
		try {
			return Files.writeString(directory.resolve("glm-test-ca.pem"), this.certificate.certificatePem(),
					StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
