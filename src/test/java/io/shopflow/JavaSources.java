package io.shopflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main sources as text, for rules the bytecode cannot check: javac inlines constants, so a class that only
 * reads another's {@code static final String} leaves no trace of it in its class file.
 */
record JavaSources(List<JavaSource> files) {

	static final Path MAIN = Path.of("src/main/java");

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

	/** One source file: where it is, its package, and its text without comments (they are no dependencies). */
	record JavaSource(Path path, String packageName, String code) {
	}

	static JavaSources main() {
		try (Stream<Path> paths = Files.walk(MAIN)) {
			return new JavaSources(paths.filter(path -> path.toString().endsWith(".java")).sorted()
					.map(JavaSources::read).toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static JavaSource of(Path path, String text) {
		String code = withoutComments(text);
		Matcher pkg = PACKAGE.matcher(code);
		return new JavaSource(path, pkg.find() ? pkg.group(1) : "", code);
	}

	private static JavaSource read(Path path) {
		try {
			return of(MAIN.relativize(path), Files.readString(path));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text with comments blanked out; string, character and text-block literals are kept as they are. */
	static String withoutComments(String text) {
		StringBuilder code = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (text.startsWith("//", i)) {
				int end = text.indexOf('\n', i);
				i = end < 0 ? text.length() : end;
			}
			else if (text.startsWith("/*", i)) {
				int end = text.indexOf("*/", i + 2);
				int after = end < 0 ? text.length() : end + 2;
				// its lines stay, so a line number found in the code is the line in the file
				code.append(' ').append(text.substring(i, after).replaceAll("[^\n]", ""));
				i = after;
			}
			else if (text.startsWith("\"\"\"", i)) {
				int end = text.indexOf("\"\"\"", i + 3);
				end = end < 0 ? text.length() : end + 3;
				code.append(text, i, end);
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
					end += text.charAt(end) == '\\' ? 2 : 1;
				}
				end = Math.min(end + 1, text.length());
				code.append(text, i, end);
				i = end;
			}
			else {
				code.append(c);
				i++;
			}
		}
		return code.toString();
	}
}
