package org.tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. The home page itself is the citizen portal, in the guidance module. */
@Controller
class HomeController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error,
			org.springframework.ui.Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "密码连续输错次数过多，账户已临时锁定，请 15 分钟后再试或联系管理员解锁。";
				case "disabled" -> "该账户已停用，请联系管理员。";
				default -> "用户名或密码不正确。";
			});
		}
		return "identity/login";
	}
}
