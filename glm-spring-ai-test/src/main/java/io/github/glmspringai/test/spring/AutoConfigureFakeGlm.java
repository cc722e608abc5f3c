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

package io.github.glmspringai.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.glmspringai.test.FakeGlmService;

/**
 * Runs a {@link FakeGlmService} with the test's application context and points the GLM
 * starter at it: {@code spring.ai.glm.base-url}, {@code spring.ai.glm.api-key} and, when
 * {@link #protocol()} is set, {@code spring.ai.glm.protocol} (these win over the
 * application's own properties). The service is a bean named {@value #BEAN_NAME}, so the
 * test can {@code @Autowired} it to script turns and check requests; it is reset before
 * each test method and stopped with the context.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureFakeGlm(protocol = "dashscope")
 * class AssistantTests {
 *
 *     &#64;Autowired
 *     FakeGlmService glm;
 *
 *     ...
 * }
 * </pre>
 *
 * @author glm-spring-ai
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeGlm {

	/** The bean name of the service. */
	String BEAN_NAME = "fakeGlmService";

	/**
	 * The protocol to configure: {@code openai-compatible}, {@code dashscope} or
	 * {@code zhipu}; empty (the default) leaves {@code spring.ai.glm.protocol} as the
	 * application sets it (the service answers every protocol).
	 * @return the protocol
	 */
	String protocol() default "";

	/**
	 * The only key the service accepts, set as {@code spring.ai.glm.api-key}.
	 * @return the key
	 */
	String apiKey() default FakeGlmService.DEFAULT_API_KEY;

	/**
	 * The pause before each SSE event, in milliseconds (default none).
	 * @return the delay
	 */
	long chunkDelayMillis() default 0;

}
