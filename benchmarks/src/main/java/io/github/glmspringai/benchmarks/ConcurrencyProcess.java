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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link ConcurrencyMain} in a child JVM with {@code -Xmx512m} and collects its
 * result, or why there is none (crash, timeout) with the tail of its error output.
 *
 * @author glm-spring-ai
 */
final class ConcurrencyProcess {

	private ConcurrencyProcess() {
	}

	/**
	 * The outcome of one child run.
	 *
	 * @param client the client id
	 * @param result the figures, or {@code null}
	 * @param failure why there are no figures
	 * @param stderrTail last lines the child printed to standard error
	 */
	record Outcome(String client, ConcurrencyRun.@Nullable Result result, @Nullable String failure,
			List<String> stderrTail) {
	}

	static Outcome run(String client, String baseUrl, int streams, int reasoning, int answer, int intervalMillis,
			int rampPerSecond, @Nullable String jfrDir, PrintStream log) throws IOException, InterruptedException {
		List<String> options = new ArrayList<>(List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
		if (jfrDir != null) {
			options.add("-XX:StartFlightRecording=filename=" + jfrDir + "/concurrency-" + client
					+ ".jfr,settings=profile,dumponexit=true");
		}
		List<String> command = new ArrayList<>(Jvm.command(options));
		command.add(ConcurrencyMain.class.getName());
		command.addAll(List.of("--client", client, "--base-url", baseUrl, "--streams", String.valueOf(streams),
				"--reasoning", String.valueOf(reasoning), "--answer", String.valueOf(answer), "--interval-ms",
				String.valueOf(intervalMillis), "--ramp-per-second", String.valueOf(rampPerSecond)));
		log.println("Concurrency: " + client + ", " + streams + " streams of " + (reasoning + answer)
				+ " chunks, one every " + intervalMillis + " ms, in a child JVM with -Xmx512m");
		Process process = new ProcessBuilder(command).start();
		Deque<String> tail = new ArrayDeque<>();
		Thread errors = pump(process.getErrorStream(), (line) -> {
			log.println("  [" + client + "] " + line);
			synchronized (tail) {
				tail.addLast(line);
				if (tail.size() > 15) {
					tail.removeFirst();
				}
			}
		});
		String[] json = new String[1];
		Thread output = pump(process.getInputStream(), (line) -> {
			if (line.startsWith(ConcurrencyMain.RESULT_LINE)) {
				json[0] = line.substring(ConcurrencyMain.RESULT_LINE.length());
			}
			else {
				log.println("  [" + client + "] " + line);
			}
		});
		long timeoutSeconds = (long) Math.ceil(streams / (double) rampPerSecond)
				+ (long) (reasoning + answer) * intervalMillis / 1000 + 300;
		boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		output.join(5000);
		errors.join(5000);
		List<String> lastLines;
		synchronized (tail) {
			lastLines = List.copyOf(tail);
		}
		if (json[0] != null) {
			return new Outcome(client, JsonMapper.builder().build().readValue(json[0], ConcurrencyRun.Result.class),
					null, lastLines);
		}
		String failure = exited ? "the client JVM exited with code " + process.exitValue() + " without a result"
				: "the client JVM did not finish within " + timeoutSeconds + " s and was killed";
		return new Outcome(client, null, failure, lastLines);
	}

	private static Thread pump(InputStream stream, Consumer<String> sink) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					sink.accept(line);
				}
			}
			catch (IOException ex) {
				// process ended
			}
		}, "child-output");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
