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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks what a release would deploy, after {@code ./mvnw verify} (run by
 * {@code .ci/check-release-layout}). A module is published unless it, or a POM it
 * inherits from in this tree, sets the property {@code skipPublishing} to {@code true};
 * the root POM is never published. For every published module:
 * <ul>
 * <li>{@code target/.flattened-pom.xml} exists, has no parent, no repositories, no
 * unresolved {@code ${...}}, carries name, description, url, licenses, developers, scm
 * and issueManagement, and every dependency has an explicit version that is not a
 * SNAPSHOT (except this project's own modules at this project's version);
 * <li>a jar module has its jar, sources jar (with sources) and javadoc jar (with an
 * index.html) and attaches no test jar;
 * <li>only the BOM has dependencyManagement, it imports no other BOM, and it lists
 * exactly the other published modules.
 * </ul>
 * Exits 1 listing every problem found.
 */
public final class CheckReleaseLayout {

	private final Path root;

	private final List<String> problems = new ArrayList<>();

	private CheckReleaseLayout(Path root) {
		this.root = root;
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of((args.length > 0) ? args[0] : ".").toAbsolutePath().normalize();
		CheckReleaseLayout check = new CheckReleaseLayout(root);
		List<Path> published = check.publishedModules();
		Set<String> bomEntries = new TreeSet<>();
		Set<String> jarModules = new TreeSet<>();
		String bom = null;
		for (Path module : published) {
			Module m = check.checkModule(module);
			if (m == null) {
				continue;
			}
			if (m.bomEntries != null) {
				if (bom != null) {
					check.problem(m.artifactId, "a second module with dependencyManagement besides " + bom);
				}
				bom = m.artifactId;
				bomEntries.addAll(m.bomEntries);
			}
			else {
				jarModules.add(m.artifactId);
			}
		}
		if (bom == null) {
			check.problem("(reactor)", "no published BOM (a module with dependencyManagement)");
		}
		else if (!bomEntries.equals(jarModules)) {
			check.problem(bom, "lists " + bomEntries + " but the published modules are " + jarModules);
		}
		if (!check.problems.isEmpty()) {
			System.err.println("Release layout: " + check.problems.size() + " problem(s)");
			check.problems.forEach((p) -> System.err.println("  - " + p));
			System.exit(1);
		}
		System.out.println("Release layout OK: " + published.size() + " published modules, " + jarModules.size()
				+ " jars " + jarModules + " and " + bom + ", flattened POMs standalone, sources and javadoc jars present");
	}

	private List<Path> publishedModules() throws Exception {
		List<Path> all = new ArrayList<>();
		collectModules(this.root, all);
		List<Path> published = new ArrayList<>();
		for (Path module : all) {
			if (!module.equals(this.root) && !skipsPublishing(module.resolve("pom.xml"))) {
				published.add(module);
			}
		}
		return published;
	}

	private void collectModules(Path dir, List<Path> into) throws Exception {
		into.add(dir);
		Element project = parse(dir.resolve("pom.xml"));
		Element modules = child(project, "modules");
		if (modules != null) {
			for (Element module : children(modules, "module")) {
				collectModules(dir.resolve(module.getTextContent().trim()).normalize(), into);
			}
		}
	}

	/** Whether the POM or one of the POMs it inherits from in this tree skips publishing. */
	private boolean skipsPublishing(Path pom) throws Exception {
		Path current = pom;
		while (current != null && Files.isRegularFile(current) && current.startsWith(this.root)) {
			Element project = parse(current);
			Element properties = child(project, "properties");
			Element skip = (properties != null) ? child(properties, "skipPublishing") : null;
			if (skip != null) {
				return Boolean.parseBoolean(skip.getTextContent().trim());
			}
			Element parent = child(project, "parent");
			if (parent == null) {
				return false;
			}
			String relativePath = text(parent, "relativePath");
			Path next = current.getParent().resolve((relativePath != null) ? relativePath : "../pom.xml").normalize();
			current = Files.isDirectory(next) ? next.resolve("pom.xml") : next;
		}
		return false;
	}

	private Module checkModule(Path dir) throws Exception {
		String name = this.root.relativize(dir).toString();
		Path flattened = dir.resolve("target/.flattened-pom.xml");
		if (!Files.isRegularFile(flattened)) {
			problem(name, "no target/.flattened-pom.xml (run ./mvnw verify first)");
			return null;
		}
		String xml = Files.readString(flattened);
		Element project = parse(flattened);
		Module m = new Module(text(project, "artifactId"), text(project, "version"));
		String packaging = (text(project, "packaging") != null) ? text(project, "packaging") : "jar";
		if (xml.contains("${")) {
			problem(m.artifactId, "unresolved ${...} in the flattened POM");
		}
		if (child(project, "parent") != null) {
			problem(m.artifactId, "the flattened POM references a parent");
		}
		if (child(project, "repositories") != null || child(project, "pluginRepositories") != null) {
			problem(m.artifactId, "the flattened POM declares repositories");
		}
		for (String required : List.of("name", "description", "url")) {
			if (isBlank(text(project, required))) {
				problem(m.artifactId, "no <" + required + ">");
			}
		}
		requireNested(m, project, "licenses", "license", "name", "url");
		requireNested(m, project, "developers", "developer", "name");
		requireNested(m, project, "scm", null, "url", "connection");
		requireNested(m, project, "issueManagement", null, "url");
		Element dependencies = child(project, "dependencies");
		if (dependencies != null) {
			checkDependencies(m, children(dependencies, "dependency"));
		}
		Element management = child(project, "dependencyManagement");
		if (management != null) {
			m.bomEntries = new TreeSet<>();
			Element managed = child(management, "dependencies");
			List<Element> entries = (managed != null) ? children(managed, "dependency") : List.of();
			checkDependencies(m, entries);
			for (Element entry : entries) {
				if ("import".equals(text(entry, "scope"))) {
					problem(m.artifactId, "imports the BOM " + text(entry, "groupId") + ":" + text(entry, "artifactId"));
				}
				m.bomEntries.add(text(entry, "artifactId"));
			}
		}
		if ("jar".equals(packaging)) {
			checkJars(dir, m);
		}
		return m;
	}

	private void checkDependencies(Module m, List<Element> dependencies) {
		for (Element dependency : dependencies) {
			String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
			String version = text(dependency, "version");
			if (isBlank(version)) {
				problem(m.artifactId, "dependency " + id + " has no version");
			}
			else if (version.endsWith("-SNAPSHOT")
					&& !(id.startsWith("io.github.glmspringai:") && version.equals(m.version))) {
				problem(m.artifactId, "dependency " + id + " is a SNAPSHOT (" + version + ")");
			}
		}
	}

	private void checkJars(Path dir, Module m) throws IOException {
		Path target = dir.resolve("target");
		String base = m.artifactId + "-" + m.version;
		boolean hasSources = Files.isDirectory(dir.resolve("src/main/java"));
		requireJar(m, target.resolve(base + ".jar"), null);
		requireJar(m, target.resolve(base + "-sources.jar"), hasSources ? ".java" : null);
		requireJar(m, target.resolve(base + "-javadoc.jar"), hasSources ? "index.html" : null);
		if (Files.exists(target.resolve(base + "-tests.jar"))) {
			problem(m.artifactId, "attaches a test jar, which would be published");
		}
	}

	private void requireJar(Module m, Path jar, String entrySuffix) throws IOException {
		if (!Files.isRegularFile(jar)) {
			problem(m.artifactId, "no " + jar.getFileName());
			return;
		}
		if (entrySuffix != null) {
			try (ZipFile zip = new ZipFile(jar.toFile())) {
				if (zip.stream().noneMatch((entry) -> entry.getName().endsWith(entrySuffix))) {
					problem(m.artifactId, jar.getFileName() + " has no *" + entrySuffix);
				}
			}
		}
	}

	private void requireNested(Module m, Element project, String section, String item, String... fields) {
		Element container = child(project, section);
		Element element = (container != null && item != null) ? child(container, item) : container;
		if (element == null) {
			problem(m.artifactId, "no <" + section + ">" + ((item != null) ? "<" + item + ">" : ""));
			return;
		}
		for (String field : fields) {
			if (isBlank(text(element, field))) {
				problem(m.artifactId, "no <" + section + "> <" + field + ">");
			}
		}
	}

	private void problem(String module, String message) {
		this.problems.add(module + ": " + message);
	}

	private static Element parse(Path pom) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(pom.toFile());
		return document.getDocumentElement();
	}

	private static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getTagName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element parent, String name) {
		Element element = child(parent, name);
		return (element != null) ? element.getTextContent().trim() : null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static final class Module {

		final String artifactId;

		final String version;

		Set<String> bomEntries;

		Module(String artifactId, String version) {
			this.artifactId = artifactId;
			this.version = version;
		}

	}

}
