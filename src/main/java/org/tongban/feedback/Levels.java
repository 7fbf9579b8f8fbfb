package org.tongban.feedback;

import java.util.List;

/**
 * The national five levels of 好差评 (国办发〔2019〕51号), 5 = 非常满意 … 1 = 非常不满意, and the reason tags a
 * level may carry. Levels 4–5 count as satisfied; 1–2 open a rectification.
 */
public final class Levels {

	public static final List<String> GOOD_TAGS = List.of("办事便捷", "一次办成", "态度热情", "指引清楚", "办理快捷");
	public static final List<String> FAIR_TAGS = List.of("基本顺利", "等待较久", "指引有待改进");
	public static final List<String> BAD_TAGS = List.of("材料反复要求", "超时办理", "态度差", "系统故障", "指引不清");

	private Levels() {
	}

	public static boolean valid(int level) {
		return level >= 1 && level <= 5;
	}

	public static String label(int level) {
		return switch (level) {
			case 5 -> "非常满意";
			case 4 -> "满意";
			case 3 -> "基本满意";
			case 2 -> "不满意";
			case 1 -> "非常不满意";
			default -> throw new IllegalArgumentException("no level " + level);
		};
	}

	public static List<String> tags(int level) {
		return level >= 4 ? GOOD_TAGS : level == 3 ? FAIR_TAGS : BAD_TAGS;
	}

	/** A rating that must be answered and put right. */
	public static boolean dissatisfied(int level) {
		return level <= 2;
	}
}
