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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;

import io.github.glmspringai.test.FakeGlmService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts one {@link FakeGlmService} per test class (shared with its {@code @Nested}
 * classes) before the first test and stops it after the last; resets it (turns, recorded
 * requests, counters) before each test; injects it into {@code static} and instance
 * fields of type {@link FakeGlmService} that are still {@code null}, and into parameters
 * of that type. Configured by {@link FakeGlm}, or used directly with
 * {@code @ExtendWith(FakeGlmExtension.class)} for the defaults.
 *
 * @author glm-spring-ai
 */
public class FakeGlmExtension
		implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeGlmExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		inject(context.getRequiredTestClass(), null, service(context));
	}

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
		inject(testInstance.getClass(), testInstance, service(context));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		service(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeGlmService.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return service(extensionContext);
	}

	/**
	 * The service of the test class (or of the enclosing class of a nested class),
	 * started on first use and stopped when that class's tests are done.
	 * @param context the extension context
	 * @return the service
	 */
	private static FakeGlmService service(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		// a nested class finds its enclosing class's service through the parent stores
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(FakeGlmService.class, (key) -> start(context), FakeGlmService.class);
	}

	private static FakeGlmService start(ExtensionContext context) {
		FakeGlm settings = context.getTestClass()
			.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, FakeGlm.class))
			.orElse(null);
		FakeGlmService.Builder builder = FakeGlmService.builder();
		if (settings != null) {
			builder.apiKey(settings.apiKey()).chunkDelay(Duration.ofMillis(settings.chunkDelayMillis()));
		}
		return builder.start();
	}

	private static void inject(Class<?> testClass, @Nullable Object instance, FakeGlmService service)
			throws IllegalAccessException {
		List<Field> fields = ReflectionSupport.findFields(testClass,
				(field) -> field.getType() == FakeGlmService.class
						&& Modifier.isStatic(field.getModifiers()) == (instance == null),
				HierarchyTraversalMode.TOP_DOWN);
		for (Field field : fields) {
			if (Modifier.isFinal(field.getModifiers())) {
				throw new ExtensionConfigurationException(
						"FakeGlmService field " + field.getName() + " must not be final to be injected");
			}
			field.setAccessible(true);
			if (field.get(instance) == null) {
				field.set(instance, service);
			}
		}
	}

}
