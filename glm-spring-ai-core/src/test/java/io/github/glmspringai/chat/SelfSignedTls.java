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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS server socket on loopback with a freshly generated self-signed certificate (made
 * with the JDK's {@code keytool}), which no client trusts by default.
 */
final class SelfSignedTls {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private SelfSignedTls() {
	}

	static ServerSocket serverSocket() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore(), PASSWORD);
		context.init(keys.getKeyManagers(), null, null);
		return context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	private static KeyStore keyStore() throws Exception {
		Path dir = Files.createTempDirectory("glm-tls");
		Path file = dir.resolve("server.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
				"-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext",
				"SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
				new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD);
		}
		Files.delete(file);
		Files.delete(dir);
		return store;
	}

}
