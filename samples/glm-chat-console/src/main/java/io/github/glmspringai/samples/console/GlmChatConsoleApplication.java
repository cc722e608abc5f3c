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

import java.io.PrintStream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The product page's quick start with Spring AI: streams the answer to a question
 * ({@code 你是谁} by default) and prints the thinking, the answer and the token usage.
 *
 * <pre>
 * ./mvnw -q -pl samples/glm-chat-console -am spring-boot:run -Dspring-boot.run.profiles=offline
 * java -jar glm-chat-console.jar [question] [--protocol=dashscope|zhipu] [--model=glm-5.3] [--effort=low]
 *     [--thinking=off]
 * </pre>
 *
 * @author glm-spring-ai
 */
@SpringBootApplication
public class GlmChatConsoleApplication {

	/**
	 * Run the console and exit with its status: 0 answered, 1 the request failed or was
	 * not sent (an invalid option), 2 no API key.
	 * @param args the question and options
	 */
	public static void main(String[] args) {
		System.exit(run(System.out, System.err, args));
	}

	/**
	 * Run the console.
	 * @param out where the sections go
	 * @param err where problems go
	 * @param args the question and options
	 * @return the exit status
	 */
	public static int run(PrintStream out, PrintStream err, String... args) {
		return SpringApplication.exit(application(out, err).run(args));
	}

	/**
	 * The console application, writing to the given streams; it asks its question when
	 * run.
	 * @param out where the sections go
	 * @param err where problems go
	 * @return the application
	 */
	static SpringApplication application(PrintStream out, PrintStream err) {
		SpringApplication application = new SpringApplication(GlmChatConsoleApplication.class);
		application.addInitializers(
				(context) -> context.getBeanFactory().registerSingleton("consoleOutput", new ConsoleOutput(out, err)));
		return application;
	}

	/**
	 * Where the console writes.
	 *
	 * @param out the sections
	 * @param err problems
	 */
	public record ConsoleOutput(PrintStream out, PrintStream err) {
	}

}
