package io.shopflow.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Every text and binary column of every table, ours and the engine's (ACT_*), searched for values. */
final class DatabaseScan {

	private final JdbcClient jdbc;

	DatabaseScan(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** "table.column holds value" for each value found anywhere. */
	List<String> find(String... values) {
		List<Map<String, Object>> columns = jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'PUBLIC' and (data_type like '%CHAR%' or data_type like '%LOB%'
				  or data_type like '%BINARY%' or data_type = 'JSON')""").query().listOfRows();
		List<String> found = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("TABLE_NAME");
			String name = (String) column.get("COLUMN_NAME");
			List<Object> cells = jdbc.sql("select \"" + name + "\" from \"" + table + "\" where \"" + name + "\" is not null")
					.query((rs, n) -> rs.getObject(1)).list();
			for (String value : values) {
				if (cells.stream().anyMatch(cell -> text(cell).contains(value))) {
					found.add(table + "." + name + " holds " + value);
				}
			}
		}
		return found;
	}

	private static String text(Object cell) {
		try {
			if (cell instanceof byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.ISO_8859_1);
			}
			if (cell instanceof Blob blob) {
				byte[] bytes = blob.getBytes(1, (int) blob.length());
				return new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.ISO_8859_1);
			}
			if (cell instanceof Clob clob) {
				return clob.getSubString(1, (int) clob.length());
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return String.valueOf(cell);
	}
}
