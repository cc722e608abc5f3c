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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServerMain} in a separate JVM, so that the server's CPU time, allocation and
 * threads do not count as the client's. Closing it closes the child's standard input,
 * which stops it.
 *
 * @author glm-spring-ai
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ServerProcess start(int threads, long maxSeconds) throws IOException {
		List<String> command = new ArrayList<>(Jvm.command(List.of("-Xms1g", "-Xmx1g")));
		command.add(ServerMain.class.getName());
		command.addAll(List.of("--threads", String.valueOf(threads), "--max-seconds", String.valueOf(maxSeconds)));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith(ServerMain.PORT_LINE)) {
				int port = Integer.parseInt(line.substring(ServerMain.PORT_LINE.length()).trim());
				Thread drain = new Thread(() -> {
					try {
						while (out.readLine() != null) {
							// discard
						}
					}
					catch (IOException ex) {
						// process ended
					}
				}, "server-stdout");
				drain.setDaemon(true);
				drain.start();
				return new ServerProcess(process, port);
			}
		}
		process.destroyForcibly();
		throw new IOException("the fake server process ended without announcing its port");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	@Override
	public void close() throws InterruptedException {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already gone
		}
		if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
			this.process.destroy();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

}
