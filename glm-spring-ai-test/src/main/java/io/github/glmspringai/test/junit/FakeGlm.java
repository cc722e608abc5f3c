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

package io.github.glmspringai.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.glmspringai.test.FakeGlmService;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link FakeGlmService} for a test class (see {@link FakeGlmExtension}): started
 * before the first test, reset before each test, stopped after the last; injected into
 * fields and parameters of type {@link FakeGlmService}.
 *
 * <pre class="code">
 * &#64;FakeGlm
 * class AnswerTests {
 *
 *     &#64;Test
 *     void answers(FakeGlmService glm) {
 *         glm.enqueue(Turn.answer("Hi!"));
 *         ...
 *     }
 *
 * }
 * </pre>
 *
 * @author glm-spring-ai
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeGlmExtension.class)
public @interface FakeGlm {

	/**
	 * The only key the service accepts.
	 * @return the key
	 */
	String apiKey() default FakeGlmService.DEFAULT_API_KEY;

	/**
	 * The pause before each SSE event, in milliseconds (default none).
	 * @return the delay
	 */
	long chunkDelayMillis() default 0;

}
