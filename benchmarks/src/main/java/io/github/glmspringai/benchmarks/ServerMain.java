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

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link FakeBailianServer} in its own JVM. Prints {@code FAKE_BAILIAN_PORT <port>}
 * once listening, and stops when its standard input closes (the parent ended) or after
 * {@code --max-seconds} (default 3600), whichever comes first.
 * <p>
 * Arguments: {@code --port <n>} (default 0 = any), {@code --threads <n>} event loop
 * threads (default: available processors), {@code --max-seconds <n>}, {@code --detached}
 * (ignore standard input; stop only after {@code --max-seconds}).
 *
 * @author glm-spring-ai
 */
public final class ServerMain {

	/** The line prefix announcing the port. */
	public static final String PORT_LINE = "FAKE_BAILIAN_PORT ";

	private ServerMain() {
	}

	/**
	 * Entry point.
	 * @param args see the class description
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		Args arguments = Args.parse(args);
		int port = arguments.intValue("port", 0);
		int threads = arguments.intValue("threads", Runtime.getRuntime().availableProcessors());
		long maxSeconds = arguments.intValue("max-seconds", 3600);
		CountDownLatch stop = new CountDownLatch(1);
		Thread watchdog = new Thread(() -> {
			InputStream in = System.in;
			try {
				while (in.read() != -1) {
					// wait for end of input
				}
			}
			catch (IOException ex) {
				// treat as closed
			}
			stop.countDown();
		}, "stdin-watchdog");
		watchdog.setDaemon(true);
		try (FakeBailianServer server = FakeBailianServer.start(port, threads)) {
			System.out.println(PORT_LINE + server.port());
			System.out.flush();
			if (!arguments.flag("detached")) {
				watchdog.start();
			}
			if (!stop.await(maxSeconds, TimeUnit.SECONDS)) {
				System.err.println("fake Bailian server: stopping after --max-seconds " + maxSeconds);
			}
			System.err.println("fake Bailian server: served " + server.requests() + " requests");
		}
		System.exit(0);
	}

}
