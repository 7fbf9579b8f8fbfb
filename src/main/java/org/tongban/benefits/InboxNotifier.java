package org.tongban.benefits;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.notification.Inbox;

/** Offers go to the in-app inbox of the person's citizen account; people without one are not reachable here. */
@Component
class InboxNotifier implements Notifier {

	private final Inbox inbox;
	private final AccountManagement accounts;

	InboxNotifier(Inbox inbox, AccountManagement accounts) {
		this.inbox = inbox;
		this.accounts = accounts;
	}

	private Map<String, String> usernamesByIdNumber() {
		return accounts.all().stream()
			.filter(a -> a.enabled() && a.idNumber() != null && a.roles().contains(Role.CITIZEN))
			.collect(Collectors.toMap(a -> a.idNumber(), a -> a.username(), (a, b) -> a));
	}

	@Override
	public Set<String> reachable(Collection<String> idNumbers) {
		Set<String> known = new HashSet<>(usernamesByIdNumber().keySet());
		if (idNumbers != null) {
			known.retainAll(new HashSet<>(idNumbers));
		}
		return known;
	}

	@Override
	public void send(Offer offer) {
		String username = usernamesByIdNumber().get(offer.idNumber());
		if (username == null) {
			throw new IllegalStateException("no account for the offer " + offer.entitlementId());
		}
		inbox.notifyUser(username, "免申即享", "您可免费享受：" + offer.programme().name(),
				offer.programme().service() + "。无需申请、无需材料，"
						+ (offer.institutions().isEmpty() ? "服务机构公布后即可在“我的免申即享”中预约。"
								: "可在" + String.join("、", offer.institutions()) + "预约。")
						+ "不需要的话，在“我的免申即享”中点“不需要”即可，也可以选择不再接收此类提醒。",
				"/benefits/mine", "benefits:" + offer.entitlementId());
	}
}
