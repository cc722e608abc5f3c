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

package io.github.glmspringai.samples.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the console sample in the offline simulation, over both protocols, and checks what
 * a user sees.
 *
 * @author glm-spring-ai
 */
class GlmChatConsoleApplicationTests {

	private static final Pattern USAGE = Pattern
		.compile("prompt_tokens=(\\d+), completion_tokens=(\\d+), reasoning_tokens=(\\d+), total_tokens=(\\d+)");

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void printsThinkingAnswerAndUsageInOrder(String protocol) {
		Run run = run("--protocol=" + protocol);

		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("[offline simulation]").contains("protocol " + protocol);
		int thinking = run.out.indexOf(ChatConsole.THINKING);
		int answer = run.out.indexOf(ChatConsole.ANSWER);
		int usage = run.out.indexOf(ChatConsole.USAGE);
		assertThat(thinking).isPositive();
		assertThat(answer).isGreaterThan(thinking);
		assertThat(usage).isGreaterThan(answer);
		String reasoningText = run.out.substring(thinking + ChatConsole.THINKING.length(), answer);
		String answerText = run.out.substring(answer + ChatConsole.ANSWER.length(), usage);
		String usageText = run.out.substring(usage + ChatConsole.USAGE.length());
		assertThat(reasoningText).contains("你是谁").hasSizeGreaterThan(50);
		assertThat(answerText).contains("我是 **GLM**").hasSizeGreaterThan(50);
		Matcher numbers = USAGE.matcher(usageText);
		assertThat(numbers.find()).as(usageText).isTrue();
		int prompt = Integer.parseInt(numbers.group(1));
		int completion = Integer.parseInt(numbers.group(2));
		int reasoning = Integer.parseInt(numbers.group(3));
		int total = Integer.parseInt(numbers.group(4));
		assertThat(prompt).isPositive();
		assertThat(reasoning).isPositive().isLessThan(completion);
		assertThat(total).isEqualTo(prompt + completion);
		assertThat(run.err).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void callsTheClockToolWhenAskedForTheTime(String protocol) {
		Run run = run("--protocol=" + protocol, "东京现在几点?");

		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("[tool call] currentTime(东京) -> ");
		String answerText = run.out.substring(run.out.indexOf(ChatConsole.ANSWER), run.out.indexOf(ChatConsole.USAGE));
		assertThat(answerText).contains("**东京** 现在的时间是").contains("Asia/Tokyo");
	}

	@Test
	void thinkingCanBeSwitchedOffAndTheModelChosen() {
		Run run = run("--no-thinking", "--model=glm-4.5-air", "你好");

		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("model glm-4.5-air").contains("(thinking switched off with --no-thinking)");
		String thinking = run.out.substring(run.out.indexOf(ChatConsole.THINKING) + ChatConsole.THINKING.length(),
				run.out.indexOf(ChatConsole.ANSWER));
		assertThat(thinking.strip()).isEqualTo("(thinking switched off with --no-thinking)");
		assertThat(run.out).contains("reasoning_tokens=0");
	}

	@Test
	void failuresAreExplainedInPlainWords() {
		Run throttled = run("--protocol=dashscope", "模拟限流");
		assertThat(throttled.exitCode).isEqualTo(1);
		assertThat(throttled.err).contains("Model Studio is throttling requests (HTTP 429, Throttling.RateQuota");
		Run dropped = run("模拟断网");
		assertThat(dropped.exitCode).isEqualTo(1);
		assertThat(dropped.err).contains("The network connection broke while the answer was streaming");
		assertThat(throttled.out + throttled.err + dropped.out + dropped.err).doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void withoutKeyExplainsHowToSetOneOrRunOffline() {
		assumeTrue(System.getenv("DASHSCOPE_API_KEY") == null, "DASHSCOPE_API_KEY is set in this environment");
		Run run = runWith("--spring.ai.glm.api-key=");

		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.out).isEmpty();
		assertThat(run.err).contains("export DASHSCOPE_API_KEY=sk-...").contains("-Dspring-boot.run.profiles=offline");
	}

	private static Run run(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--spring.profiles.active=offline";
		all[1] = "--glm.offline.chunk-delay=1ms";
		System.arraycopy(args, 0, all, 2, args.length);
		return runWith(all);
	}

	private static Run runWith(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = GlmChatConsoleApplication.run(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), args);
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
