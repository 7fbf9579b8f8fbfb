package org.tongban.supervision;

import java.util.List;

/** Pudong New Area's 36 streets and towns (12 街道, 24 镇), where a regulated entity is located. */
public final class Streets {

	public static final List<String> ALL = List.of(
			"潍坊新村街道", "陆家嘴街道", "周家渡街道", "塘桥街道", "上钢新村街道", "南码头路街道", "沪东新村街道", "金杨新村街道",
			"洋泾街道", "浦兴路街道", "东明路街道", "花木街道",
			"川沙新镇", "高桥镇", "北蔡镇", "合庆镇", "唐镇", "曹路镇", "金桥镇", "高行镇", "高东镇", "张江镇", "三林镇", "惠南镇",
			"周浦镇", "新场镇", "大团镇", "康桥镇", "航头镇", "祝桥镇", "泥城镇", "宣桥镇", "书院镇", "万祥镇", "老港镇", "南汇新城镇");

	private Streets() {
	}
}
