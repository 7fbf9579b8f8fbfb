package org.tongban.archive.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tongban.archive.ArchivePackage;
import org.tongban.archive.ArchivePackages;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.ServiceItemSummary;
import org.tongban.identity.AccessLog;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Masking;
import org.tongban.shared.Problem;

/**
 * Who reaches an archive package: its contents (the case file, with the applicant's personal data) only the
 * approvers and staff of the division the catalogue names for its item, each download logged; everyone else
 * on the archive's pages — administrators included — sees its metadata only, with the applicant's ID masked.
 * Approvers and division staff search their division's packages; leaders, inspectors, the window and
 * administrators search all (masked).
 */
@Component
class ArchiveDuty {

	private final ArchivePackages packages;
	private final Catalogue catalogue;
	private final AccessLog accessLog;

	ArchiveDuty(ArchivePackages packages, Catalogue catalogue, AccessLog accessLog) {
		this.packages = packages;
		this.catalogue = catalogue;
		this.accessLog = accessLog;
	}

	List<ArchivePackage> search(SignedInUser me, ArchivePackages.Query q) {
		return packages.search(q, items(me)).stream().map(ArchiveDuty::masked).toList();
	}

	/** One package's metadata, masked; a package of another division is not found for its approvers. */
	ArchivePackage one(SignedInUser me, UUID id) {
		ArchivePackage p = packages.get(id);
		List<String> items = items(me);
		if (items != null && !items.contains(p.itemCode())) {
			throw Problem.notFound("未找到该档案包。");
		}
		return masked(p);
	}

	/** The package whose contents {@code me} may download (its item's division); anyone else 404. */
	ArchivePackage toDownload(SignedInUser me, UUID id) {
		ArchivePackage p = packages.get(id);
		if (!mayDownload(me, p.itemCode())) {
			throw Problem.notFound("未找到该档案包。");
		}
		accessLog.viewed(me.username(), "archive-package", p.id(), "档案包全部内容（办件 " + p.caseId() + " 的申请人信息与材料）",
				"下载档案包");
		return p;
	}

	boolean mayDownload(SignedInUser me, String itemCode) {
		return (me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && me.orgUnitCode() != null
				&& catalogue.published(itemCode).map(Guide::division).filter(me.orgUnitCode()::equals).isPresent();
	}

	private List<String> items(SignedInUser me) {
		boolean overseer = me.has(Role.LEADER) || me.has(Role.INSPECTOR) || me.has(Role.CLERK) || me.has(Role.ADMIN);
		if (overseer || !(me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF))) {
			return null;
		}
		return me.orgUnitCode() == null ? List.of()
				: catalogue.items(null, me.orgUnitCode(), null).stream().map(ServiceItemSummary::code).toList();
	}

	static ArchivePackage masked(ArchivePackage p) {
		String id = p.applicantId();
		// an enterprise's credit code (18 characters, letters in it) is public; a resident ID number is masked
		boolean person = id != null && id.matches("\\d{17}[\\dX]");
		return person ? p.withApplicantId(Masking.idNumber(id)) : p;
	}
}
