package io.github.faircomclient.it.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The code blocks of README.md: each with its language, the line it starts on and the
 * {@code <!-- snippet: name -->} comment on the line before it, if any.
 */
final class Readme {

	private static final Pattern HINT = Pattern.compile("<!-- snippet: ([\\w-]+) -->");

	private final List<Block> blocks;

	private Readme(List<Block> blocks) {
		this.blocks = blocks;
	}

	static Readme read() throws IOException {
		String location = System.getProperty("faircom.readme", "../README.md");
		List<String> lines = Files.readAllLines(Path.of(location));
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (!line.startsWith("```") || line.length() == 3) {
				continue;
			}
			String language = line.substring(3).trim();
			Matcher hint = (i > 0) ? HINT.matcher(lines.get(i - 1)) : HINT.matcher("");
			StringBuilder code = new StringBuilder();
			int start = i + 1;
			for (i = start; i < lines.size() && !lines.get(i).equals("```"); i++) {
				code.append(lines.get(i)).append('\n');
			}
			blocks.add(new Block(language, start, hint.matches() ? hint.group(1) : null, code.toString()));
		}
		return new Readme(blocks);
	}

	List<Block> blocks(String language) {
		return this.blocks.stream().filter((block) -> block.language().equals(language)).toList();
	}

	/**
	 * Every import the Java examples show, in the order they show them.
	 */
	Set<String> imports() {
		Set<String> imports = new LinkedHashSet<>();
		for (Block block : blocks("java")) {
			block.code().lines().filter((line) -> line.startsWith("import ")).forEach(imports::add);
		}
		return imports;
	}

	/**
	 * A code block.
	 *
	 * @param language what follows the opening fence
	 * @param line the line the code starts on
	 * @param hint the name in the snippet comment before the block, if any
	 * @param code the code
	 */
	record Block(String language, int line, @Nullable String hint, String code) {

		/**
		 * The code without its import lines.
		 */
		String body() {
			StringBuilder body = new StringBuilder();
			this.code.lines().filter((line) -> !line.startsWith("import ")).forEach((line) -> body.append(line)
				.append('\n'));
			return body.toString().strip() + "\n";
		}

	}

}
