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

import io.github.glmspringai.test.FakeGlmService;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link FakeGlmService} of a test annotated with {@link AutoConfigureFakeGlm}
 * before each test method, so turns, recorded requests and counters never leak from one
 * test into the next (registered in {@code META-INF/spring.factories}).
 *
 * @author glm-spring-ai
 */
class FakeGlmTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// after dependency injection (2000), before transactions and SQL scripts
		return 2500;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureFakeGlm.class)) {
			testContext.getApplicationContext().getBean(AutoConfigureFakeGlm.BEAN_NAME, FakeGlmService.class).reset();
		}
	}

}
