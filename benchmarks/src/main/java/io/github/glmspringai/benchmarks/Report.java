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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown report: figures, ratios to the floor, and the targets.
 *
 * @author glm-spring-ai
 */
final class Report {

	private static final String STREAM = "GlmChatModel.stream()";

	private static final String CALL = "GlmChatModel.call()";

	private final Config config;

	private final String arguments;

	private final String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));

	private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

	private List<ThroughputBenchmark.Series> throughput = List.of();

	private List<ScalingBenchmark.Result> scaling = List.of();

	private final List<ConcurrencyProcess.Outcome> concurrency = new ArrayList<>();

	private final List<String[]> targets = new ArrayList<>();

	Report(Config config, String arguments) {
		this.config = config;
		this.arguments = arguments;
	}

	void throughput(List<ThroughputBenchmark.Series> series) {
		this.throughput = series;
	}

	void scaling(List<ScalingBenchmark.Result> results) {
		this.scaling = results;
	}

	void concurrency(ConcurrencyProcess.Outcome outcome) {
		this.concurrency.add(outcome);
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("### Results ").append(this.started).append('\n').append('\n');
		md.append("Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores (")
			.append(cpuModel())
			.append("), ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.version"))
			.append("; JDK ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append("; load average at start ")
			.append(String.format(Locale.ROOT, "%.2f", this.loadAtStart))
			.append(". Arguments: `")
			.append(this.arguments.isEmpty() ? "(defaults)" : this.arguments)
			.append("`.\n\n");
		this.targets.clear();
		if (!this.throughput.isEmpty()) {
			appendThroughput(md);
		}
		if (!this.scaling.isEmpty()) {
			appendScaling(md);
		}
		if (!this.concurrency.isEmpty()) {
			appendConcurrency(md);
		}
		if (!this.targets.isEmpty()) {
			md.append("#### Targets (issue 8)\n\n| target | measured | met |\n|---|---|---|\n");
			for (String[] target : this.targets) {
				md.append("| ")
					.append(target[0])
					.append(" | ")
					.append(target[1])
					.append(" | ")
					.append(target[2])
					.append(" |\n");
			}
			md.append('\n');
		}
		return md.toString();
	}

	private void appendThroughput(StringBuilder md) {
		md.append("#### Per-chunk cost\n\nOne request at a time streaming ")
			.append(this.config.reasoningTokens())
			.append(" reasoning + ")
			.append(this.config.answerTokens())
			.append(" answer one-token chunks as fast as the client reads; ")
			.append(this.config.rounds())
			.append(" interleaved rounds of ~")
			.append(String.format(Locale.ROOT, "%,d", this.config.chunksPerBatch()))
			.append(" chunks per client, after warm-up; medians over rounds. \"× floor\" is the median of the")
			.append(" per-round ratios to the floor on the same protocol (range in brackets).\n\n");
		md.append("| client | protocol | client CPU ns/chunk | × floor | allocated B/chunk | chunks/s | content |\n");
		md.append("|---|---|---:|---:|---:|---:|---|\n");
		for (ThroughputBenchmark.Series s : this.throughput) {
			md.append("| ")
				.append(s.contender.name())
				.append(" | ")
				.append(Contender.label(s.contender.protocol()))
				.append(" | ");
			if (s.samples.isEmpty()) {
				md.append("– | – | – | – | could not run: ").append(escape(String.valueOf(s.failure))).append(" |\n");
				continue;
			}
			ThroughputBenchmark.Series floor = floor(s.contender.protocol());
			md.append(format(s.median(ThroughputBenchmark.Sample::cpuPerChunk), "%,.0f")).append(" | ");
			if (floor != null && floor != s) {
				List<Double> ratios = s.cpuRatios(floor);
				md.append(String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", Stats.median(ratios), Stats.min(ratios),
						Stats.max(ratios)));
			}
			else {
				md.append("1.00×");
			}
			md.append(" | ")
				.append(format(s.median(ThroughputBenchmark.Sample::allocatedPerChunk), "%,.0f"))
				.append(" | ")
				.append(format(s.median(ThroughputBenchmark.Sample::chunksPerSecond), "%,.0f"))
				.append(" | ")
				.append(s.correct ? "correct" : "WRONG: " + escape(String.valueOf(s.mismatch)));
			if (s.failure != null) {
				md.append("; failed after ").append(s.samples.size()).append(" rounds: ").append(escape(s.failure));
			}
			md.append(" |\n");
		}
		md.append('\n');
		for (GlmProtocol protocol : GlmProtocol.values()) {
			ThroughputBenchmark.Series floor = floor(protocol);
			ThroughputBenchmark.Series stream = series(STREAM, protocol);
			ThroughputBenchmark.Series call = series(CALL, protocol);
			String label = Contender.label(protocol);
			if (floor != null && stream != null && !stream.samples.isEmpty()) {
				double ratio = Stats.median(stream.cpuRatios(floor));
				target("GlmChatModel.stream() CPU/chunk ≤ 1.5× floor (" + label + ")", ratio, "%.2f×", ratio <= 1.5);
			}
			if (stream != null && call != null && !call.samples.isEmpty() && !stream.samples.isEmpty()) {
				double ratio = Stats.median(call.cpuRatios(stream));
				target("GlmChatModel.call() CPU ≤ 1.2× stream() (" + label + ")", ratio, "%.2f×", ratio <= 1.2);
			}
			for (ThroughputBenchmark.Series peer : this.throughput) {
				if (peer.contender.protocol() == protocol && stream != null && peer != stream && peer != call
						&& !peer.contender.isFloor() && !peer.samples.isEmpty() && !stream.samples.isEmpty()) {
					double ratio = Stats.median(peer.cpuRatios(stream));
					double wanted = (protocol == GlmProtocol.OPENAI_COMPATIBLE) ? 3.0 : 1.8;
					target("GlmChatModel.stream() ≥ " + wanted + "× cheaper than " + peer.contender.name(), ratio,
							"%.2f× cheaper", ratio >= wanted);
				}
			}
		}
	}

	private void appendScaling(StringBuilder md) {
		md.append("#### Long reasoning\n\nOne request streaming ")
			.append(String.format(Locale.ROOT, "%,d", this.config.scalingLarge()))
			.append(" reasoning tokens versus one streaming ")
			.append(String.format(Locale.ROOT, "%,d", this.config.scalingSmall()))
			.append(" (each + ")
			.append(this.config.scalingAnswer())
			.append(" answer tokens), alternating, ")
			.append(this.config.scalingRepetitions())
			.append(" pairs; ratios of the medians (time = elapsed, CPU = all threads of the client). Linear cost gives ≈ ")
			.append(String.format(Locale.ROOT, "%.0f",
					this.config.scalingLarge() / (double) this.config.scalingSmall()))
			.append(", quadratic ≈ ")
			.append(String.format(Locale.ROOT, "%.0f",
					Math.pow(this.config.scalingLarge() / (double) this.config.scalingSmall(), 2)))
			.append(".\n\n");
		md.append("| client | protocol | small (ms) | large (ms) | large/small time | large/small CPU | content |\n");
		md.append("|---|---|---:|---:|---:|---:|---|\n");
		for (ScalingBenchmark.Result r : this.scaling) {
			md.append("| ").append(r.name()).append(" | ").append(Contender.label(r.protocol())).append(" | ");
			if (r.failure() != null) {
				md.append("– | – | – | – | could not run: ").append(escape(r.failure())).append(" |\n");
				continue;
			}
			md.append(format(r.smallMillis(), "%,.1f"))
				.append(" | ")
				.append(format(r.largeMillis(), "%,.1f"))
				.append(" | ")
				.append(format(r.wallRatio(), "%.2f"))
				.append(" | ")
				.append(format(r.cpuRatio(), "%.2f"))
				.append(" | ")
				.append(r.correct() ? "correct" : "WRONG")
				.append(" |\n");
			if (r.name().equals(CALL)) {
				target(String.format(Locale.ROOT, "call() %,d/%,d reasoning tokens time ratio ≤ 4.5 (%s)",
						this.config.scalingLarge(), this.config.scalingSmall(), Contender.label(r.protocol())),
						r.wallRatio(), "%.2f", r.wallRatio() <= 4.5);
			}
		}
		md.append('\n');
	}

	private void appendConcurrency(StringBuilder md) {
		md.append("#### Concurrent streams\n\n")
			.append(String.format(Locale.ROOT, "%,d", this.config.streams()))
			.append(" streams of ")
			.append(this.config.pacedReasoning() + this.config.pacedAnswer())
			.append(" chunks (")
			.append(this.config.pacedReasoning())
			.append(" reasoning + ")
			.append(this.config.pacedAnswer())
			.append(" answer), one chunk every ")
			.append(this.config.intervalMillis())
			.append(" ms, opened at ")
			.append(String.format(Locale.ROOT, "%,d", this.config.rampPerSecond()))
			.append("/s, all in one client JVM with `-Xmx512m` (a fresh JVM per client); the server runs in another")
			.append(" JVM. Every token is checked (order, stream, reasoning/answer, final usage and reasoning);")
			.append(" delay = client receipt − server send time stamped in the token. Threads = peak live threads of")
			.append(" the whole client JVM (JVM, GC, JIT and harness threads included). Machine busy = share of both cores' time"
					+ " used by anything (client, server, other processes) while the measured streams ran, with the"
					+ " load average at their start. Client CPU µs/chunk = client CPU / tokens received (each token arrives"
					+ " in a read of its own here; per-stream set-up included).\n\n");
		md.append("| client | correct | failed / unfinished | delay p50 | p99 | p99.9 | max | peak threads | ")
			.append("peak open streams | max heap after GC | max heap used | GC pauses | client CPU | client CPU µs/chunk | machine busy (load) |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		List<String> notes = new ArrayList<>();
		for (ConcurrencyProcess.Outcome outcome : this.concurrency) {
			ConcurrencyRun.Result r = outcome.result();
			String name = clientName(outcome.client());
			if (r == null) {
				md.append("| ").append(name).append(" | – | – | – | – | – | – | – | – | – | – | – | – | – | – |\n");
				notes.add(name + ": " + outcome.failure() + (outcome.stderrTail().isEmpty() ? ""
						: "; last output: `" + escape(String.join(" / ", outcome.stderrTail())) + "`"));
				continue;
			}
			md.append("| ")
				.append(name)
				.append(" | ")
				.append(String.format(Locale.ROOT, "%,d / %,d", r.correct(), r.streams()))
				.append(" | ")
				.append(r.failed())
				.append(" / ")
				.append(r.unfinished())
				.append(" | ")
				.append(ms(r.p50Millis()))
				.append(" | ")
				.append(ms(r.p99Millis()))
				.append(" | ")
				.append(ms(r.p999Millis()))
				.append(" | ")
				.append(ms(r.maxMillis()))
				.append(" | ")
				.append(r.peakThreads())
				.append(" | ")
				.append(String.format(Locale.ROOT, "%,d", r.peakConcurrent()))
				.append(" | ")
				.append((r.gcCount() == 0) ? "no GC" : String.format(Locale.ROOT, "%.0f MB", r.heapAfterGcMaxMb()))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f of %.0f MB", r.heapUsedMaxMb(), r.heapMaxMb()))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%d, %d ms", r.gcCount(), r.gcPauseMillis()))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.1f s in %.1f s", r.cpuSeconds(), r.wallSeconds()))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f",
						(r.tokensReceived() > 0) ? r.cpuSeconds() * 1e6 / r.tokensReceived() : Double.NaN))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f%% (%.1f)", r.machineBusyPercent(), r.loadAverage()))
				.append(" |\n");
			notes.add(name + " threads at peak: " + r.threadGroups());
			if (r.firstFailure() != null) {
				notes.add(name + " first failure: " + escape(r.firstFailure()));
			}
			if (outcome.client().startsWith("glm")) {
				String label = outcome.client().equals(ConcurrencyRun.GLM_COMPATIBLE) ? "compatible" : "native";
				String what = String.format(Locale.ROOT, "%,d", r.streams()) + " streams (" + label + ")";
				target(what + ": 100% complete and correct",
						String.format(Locale.ROOT, "%,d / %,d", r.correct(), r.streams()), r.allCorrect());
				target(what + ": ≤ 64 client threads", String.valueOf(r.peakThreads()), r.peakThreads() <= 64);
				target(what + ": p99 delay ≤ 50 ms", ms(r.p99Millis()), r.p99Millis() >= 0 && r.p99Millis() <= 50);
				target(what + ": heap ≤ 512 MB",
						String.format(Locale.ROOT, "max %.0f MB after GC, max %.0f MB used (limit %.0f MB)",
								r.heapAfterGcMaxMb(), r.heapUsedMaxMb(), r.heapMaxMb()),
						r.allCorrect() && r.heapAfterGcMaxMb() <= 512 && r.heapUsedMaxMb() <= 512);
			}
		}
		md.append('\n');
		for (String note : notes) {
			md.append("- ").append(note).append('\n');
		}
		md.append('\n');
	}

	private static String clientName(String client) {
		return switch (client) {
			case ConcurrencyRun.GLM_COMPATIBLE -> "GlmChatModel.stream() compatible";
			case ConcurrencyRun.GLM_NATIVE -> "GlmChatModel.stream() native";
			case ConcurrencyRun.DASHSCOPE_SDK -> "DashScope SDK Generation.streamCall 2.22.13";
			case ConcurrencyRun.FLOOR_COMPATIBLE -> "floor: JDK HttpClient (async) + readTree, compatible";
			case ConcurrencyRun.FLOOR_NATIVE -> "floor: JDK HttpClient (async) + readTree, native";
			default -> client;
		};
	}

	private void target(String what, double value, String pattern, boolean met) {
		target(what, String.format(Locale.ROOT, pattern, value), met);
	}

	private void target(String what, String value, boolean met) {
		this.targets.add(new String[] { what, value, met ? "yes" : "**no**" });
	}

	private ThroughputBenchmark.@Nullable Series floor(GlmProtocol protocol) {
		for (ThroughputBenchmark.Series s : this.throughput) {
			if (s.contender.isFloor() && s.contender.protocol() == protocol && !s.samples.isEmpty()) {
				return s;
			}
		}
		return null;
	}

	private ThroughputBenchmark.@Nullable Series series(String name, GlmProtocol protocol) {
		for (ThroughputBenchmark.Series s : this.throughput) {
			if (s.contender.name().equals(name) && s.contender.protocol() == protocol) {
				return s;
			}
		}
		return null;
	}

	private static String ms(double millis) {
		return (millis < 0) ? "–" : String.format(Locale.ROOT, "%.1f ms", millis);
	}

	private static String format(double value, String pattern) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, pattern, value);
	}

	private static String escape(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return System.getProperty("os.arch");
	}

}
