package clean

// The furniture patterns below are matched against a folded line: lowercased,
// typographic apostrophes made plain, space runes made ' ', ignorables
// dropped and surrounding space trimmed (see fold). They describe kinds of
// site furniture, never particular pages; a pattern earns its place only if
// it cannot match a line of article prose.

// furnitureLines are whole lines that are furniture. Trailing ':', '.', '!'
// and '…' are ignored when matching.
var furnitureLines = []string{
	"advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content",
	"story continues below", "continue reading", "read more", "read the full story",
	"leave a comment", "leave a reply", "leave a reply cancel reply", "post a comment",
	"comments are closed", "comments are closed for this article", "comments",
	"show comments", "view comments", "no comments", "join the conversation",
	"share", "share this", "share this article", "share this story", "share this post",
	"print", "email", "subscribe", "subscribe by email", "sign in", "log in",
	"we value your privacy", "cookie settings", "cookie policy",
	"ends", "- ends -", "-ends-", "###", "# # #", "-30-", "- 30 -",
	"back to top", "top of page",
}

// listHeaders head a block of links to other stories ("Related:" followed by
// headlines, one a line). They and every following line of their block, up
// to a blank line, are furniture. Matched like furnitureLines.
var listHeaders = []string{
	"related", "related posts", "related articles", "related stories",
	"related content", "related coverage", "related reading", "related links",
	"read more", "read next", "read also", "also read", "see also",
	"more on this story", "more on this topic", "more stories", "more news",
	"you may also like", "you might also like", "recommended", "recommended for you",
	"further reading", "most read", "most popular", "most viewed", "trending", "trending now",
	"popular posts", "recent posts", "latest news", "latest stories",
}

// furniturePrefixes start furniture lines. A leading list number ("4. ") is
// skipped before matching, as notes to editors number their lines.
var furniturePrefixes = []string{
	// Links to other stories.
	"related:", "read more:", "read more...", "read more…", "read next:", "read also:",
	"also read:", "also read |", "see also:", "more on this story:", "more on this topic:",
	"more from ", "more interviews:", "most read:", "most viewed in ", "most popular in ",
	"further reading:", "you may also like:", "you might also like:", "recommended:",
	"watch:", "listen:", "photo gallery:", "gallery:", "video:",
	// Classification and credits.
	"tags:", "topics:", "filed under:", "categories:", "category:", "source:", "sources:",
	"photo:", "photograph:", "image:", "picture:", "credit:", "image credit:", "photo credit:",
	// Sharing, subscribing, following, supporting.
	"share this", "share:", "share on ", "share via ", "subscribe to ", "subscribe via ",
	"subscribe by ", "subscribe for ", "sign up for ", "sign up to ", "follow us ",
	"support our work", "support us", "donate to ", "listen again", "download this ",
	"download the full ",
	// Contacts and policies.
	"media contact", "media enquiries", "media inquiries", "media:", "press contact",
	"press enquiries", "press inquiries", "for media enquiries", "for media inquiries",
	"letters policy", "letters may be edited", "comments are closed", "comments are subject to",
	"comments are moderated", "comments (", "was this article helpful", "was this story helpful",
	"did you find this article", "views:", "copyright ©", "copyright (c)", "©",
	// Pager and cookie banners.
	"older posts", "newer posts", "previous post", "next post", "previous article", "next article",
	"we use cookies", "this site uses cookies", "this website uses cookies",
	"our site uses cookies", "by continuing to browse", "by continuing to use this site",
	"by using this site",
	// Notes about the piece rather than its content.
	"this article is part of", "this interview is part of", "this story is part of",
	"this post is part of", "this piece is part of", "this episode is part of",
	"video of this ", "audio of this ", "a recording of this ", "a video of this ",
}

// furniturePhrases make a line furniture wherever they occur in it.
var furniturePhrases = []string{
	"all rights reserved", "does not constitute legal advice",
	"for information only and does not", "for informational purposes only",
	"with the author's permission", "reproduced with permission", "republished with permission",
	"store and/or access information on a device",
}

// menuItems are the controls of share bars, comment counters, newsletter
// footers and consent banners. A line of short items separated by '·', '|',
// '•' or a wide gap is furniture when one of its items is a menu item, a
// count such as "12 comments" or "Comments (212)", or a contact address.
var menuItems = []string{
	"share", "print", "email", "e-mail", "tweet", "copy link", "save", "report",
	"reply", "quote", "subscribe", "unsubscribe", "donate", "get help",
	"facebook", "twitter", "linkedin", "whatsapp", "reddit", "mastodon", "rss", "bluesky",
	"manage preferences", "manage settings", "view in browser", "view online",
	"watch thread", "leave a comment", "accept", "accept all", "reject all",
	"more options", "manage options", "got it", "learn more", "older posts", "newer posts",
}

// menuItemPrefixes start menu items ("Share this post", "Subscribe to this
// thread").
var menuItemPrefixes = []string{
	"share ", "subscribe ", "sign up ", "follow us ", "share:",
}

// countNouns are what share bars and comment counters count: "12 comments",
// "Comments (212)", "Views: 1,204".
var countNouns = []string{
	"comment", "comments", "reply", "replies", "point", "points", "share", "shares",
	"view", "views", "like", "likes", "vote", "votes", "response", "responses",
}

// stampWords may appear in a publication time stamp besides numbers:
// "Published 8:12 p.m. CT Jan. 13, 2020 | Updated 9:40 a.m.". A line of two or
// more stamps, one of them marked by stampMarks, is furniture; a single
// stamp ("Updated 5:48 p.m. ET") is kept, as readers take it for a dateline.
var stampWords = []string{
	"published", "updated", "last", "posted", "on", "at", "am", "pm", "a.m", "p.m",
	"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
	"jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
	"oct", "october", "nov", "november", "dec", "december",
	"et", "ct", "mt", "pt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
	"gmt", "bst", "utc", "cet", "cest", "ist", "aest", "aedt", "jst",
}

// stampMarks are the words that make a group of stamps furniture.
var stampMarks = []string{"published", "updated", "last updated"}
