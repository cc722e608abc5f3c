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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code redis-server} on a free loopback port, persistence off, started and
 * stopped by the test. Tests using it are skipped when {@code redis-server} is not
 * installed ({@code apt-get install redis-server}; {@code .ci/run} installs it).
 */
final class RedisServerProcess implements AutoCloseable {

	private final int port;

	private Process process;

	private RedisServerProcess(int port) {
		this.port = port;
	}

	/**
	 * Start a server, or skip the test when {@code redis-server} is not installed.
	 * @return the running server
	 */
	static RedisServerProcess start() throws IOException {
		String executable = executable();
		Assumptions.assumeTrue(executable != null,
				"redis-server is not installed (apt-get install redis-server): the Redis store tests are skipped");
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		RedisServerProcess server = new RedisServerProcess(port);
		server.process = new ProcessBuilder(executable, "--save", "", "--appendonly", "no", "--port",
				String.valueOf(port), "--bind", "127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(server::answersPing);
		return server;
	}

	int port() {
		return this.port;
	}

	/** Stop the server (as a crash would: no shutdown command). */
	void stop() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private boolean answersPing() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
		}
	}

	private static String executable() {
		String path = System.getenv("PATH");
		for (String dir : List.of(((path != null) ? path : "").split(File.pathSeparator))) {
			File candidate = new File(dir, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		File sbin = new File("/usr/bin/redis-server");
		return sbin.canExecute() ? sbin.getAbsolutePath() : null;
	}

}
