package org.tongban.supervision;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A demo district generated from a seed: the same seed gives the same entities, credit events, inspectors and
 * conflicts on any machine. Loaded with PostgreSQL COPY, since tens of thousands of INSERTs would take long.
 */
final class DemoDistrict {

	private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
	private static final String NAME_CHARS = "华康泰和瑞丰安宏嘉盛德源信达祥恒润博新兴东海明远金福升佳联鑫宝";
	private static final String[] ROADS = {"世纪大道", "张杨路", "浦东南路", "东方路", "杨高中路", "锦绣路", "龙阳路", "川沙路",
			"沪南公路", "康桥路", "周祝公路", "高科西路", "金海路", "五洲大道", "成山路", "浦建路", "罗山路", "华夏中路"};
	private static final List<Sector> SECTORS = List.of(Sector.values());
	/** Per mille of entities per sector, in {@link Sector} order. */
	private static final int[] SHARE = {450, 150, 50, 120, 50, 180};
	private static final String[][] KINDS = {
			{"宾馆", "游泳馆", "浴室", "美发店", "商场", "健身房", "酒店"},
			{"诊所", "门诊部", "社区卫生服务站", "医院", "口腔诊所"},
			{"医疗美容诊所", "医疗美容门诊部"},
			{"二次供水管理站", "供水站", "现制现售饮用水点"},
			{"消毒用品有限公司", "卫生用品有限公司"},
			{"机械制造有限公司", "电子科技有限公司", "化工有限公司", "汽车零部件有限公司"}};
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚";

	private DemoDistrict() {
	}

	/** A valid 统一社会信用代码 of a Pudong enterprise (登记管理部门 9, 类别 1, 区划 310115). */
	static String uscc(SplittableRandom random) {
		StringBuilder b = new StringBuilder("91310115");
		for (int i = 0; i < 9; i++) {
			b.append(CHARS.charAt(random.nextInt(CHARS.length())));
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARS.indexOf(b.charAt(i)) * WEIGHTS[i];
		}
		return b.append(CHARS.charAt((31 - sum % 31) % 31)).toString();
	}

	/** The entities as COPY CSV: uscc, name, sector, address, street. */
	static String entities(long seed, int count, Set<String> usccs) {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder csv = new StringBuilder(count * 90);
		while (usccs.size() < count) {
			String uscc = uscc(random);
			int roll = random.nextInt(1000);
			int s = 0;
			for (int acc = SHARE[0]; roll >= acc; acc += SHARE[++s]) {
			}
			String[] kinds = KINDS[s];
			String name = "上海" + NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length()))
					+ NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())) + kinds[random.nextInt(kinds.length)];
			String street = Streets.ALL.get(random.nextInt(Streets.ALL.size()));
			String address = "上海市浦东新区" + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(2999)) + "号";
			if (usccs.add(uscc)) {
				csv.append(uscc).append(',').append(name).append(',').append(SECTORS.get(s).name()).append(',')
					.append(address).append(',').append(street).append('\n');
			}
		}
		return csv.toString();
	}

	/** Credit events for some of them, dated within the last three years before {@code today}. */
	static String events(long seed, List<String> usccs, LocalDate today, java.time.Instant recordedAt) {
		SplittableRandom random = new SplittableRandom(seed ^ 0x5eedL);
		StringBuilder csv = new StringBuilder();
		for (String uscc : usccs) {
			int roll = random.nextInt(1000);
			String kind = roll < 50 ? "PENALTY" : roll < 90 ? "COMPLAINT" : roll < 100 ? "GOOD_RECORD" : null;
			if (kind == null) {
				continue;
			}
			LocalDate on = today.minusDays(1 + random.nextInt(3 * 365 - 1));
			String note = switch (kind) {
				case "PENALTY" -> "浦卫监罚〔" + on.getYear() + "〕" + (1 + random.nextInt(999)) + "号（演示）";
				case "COMPLAINT" -> "12345 工单 " + on.getYear() + (100000 + random.nextInt(900000)) + " 经查属实（演示）";
				default -> "连续两年日常监督检查无违法行为（演示）";
			};
			csv.append(new UUID(random.nextLong(), random.nextLong())).append(',').append(uscc).append(',').append(kind)
				.append(',').append(on).append(',').append(note).append(",演示数据,").append(recordedAt).append('\n');
		}
		return csv.toString();
	}

	/** A name for the n-th demo inspector. */
	static String inspectorName(long seed, int n) {
		SplittableRandom random = new SplittableRandom(seed + n);
		return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ GIVEN.charAt(random.nextInt(GIVEN.length()));
	}

	static long copy(DataSource dataSource, String sql, String csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			return copy.copyIn(sql, new StringReader(csv));
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static Set<String> newSet() {
		return new HashSet<>();
	}
}
