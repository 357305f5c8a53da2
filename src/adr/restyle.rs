//! Puts a rendered ADR into the repository's house style ([`super::style`]) and its markdownlint
//! rules ([`super::lint_config`]), without breaking its dialect: the keys and lines other tools
//! read (`number:`, `status:`, `date:`, `# N. Title`, `## Status`, `- Status:`) stay where
//! those tools look for them, and values they parse (adrs' front matter, log4brains' dates and
//! statuses) keep the form the tools expect. A pure pass over the text; with nothing learnt
//! and no lint config it returns the text unchanged.

use super::Dialect;
use super::lint_config::LintRules;
use super::style::{CommentAt, DateFormat, HouseStyle, Learnt, StatusStyle};

/// What the ADR is written to fit: the house style learnt from its files and the
/// repository's markdownlint rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Style {
    pub house: HouseStyle,
    pub lint: Option<LintRules>,
}

/// The values of the record the pass rewrites in the house's form.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// Our status word, lowercase (`proposed`).
    pub status: &'a str,
    /// ISO date.
    pub date: &'a str,
    /// What a varying `tag:` key gets: the decision tree's id.
    pub tag: &'a str,
}

/// A value and where it was taken from, for explanations.
type Sourced<T> = Option<(T, String)>;

fn learnt<T: Copy>(l: &Option<Learnt<T>>) -> Sourced<T> {
    l.as_ref().map(|l| (l.value, l.from.clone()))
}

impl Style {
    fn lint_rule<T>(&self, f: impl Fn(&LintRules) -> Option<T>, rule: &str) -> Sourced<T> {
        let l = self.lint.as_ref()?;
        f(l).map(|v| (v, format!("{rule} in {}", l.source)))
    }

    fn marker(&self) -> Sourced<char> {
        self.lint_rule(|l| l.list_marker, "MD004")
            .or_else(|| learnt(&self.house.list_marker))
    }

    fn indent(&self) -> Sourced<usize> {
        self.lint_rule(|l| l.list_indent, "MD007")
            .or_else(|| learnt(&self.house.list_indent))
    }

    fn emphasis(&self) -> Sourced<char> {
        self.lint_rule(|l| l.emphasis, "MD049")
            .or_else(|| learnt(&self.house.emphasis))
    }

    fn strong(&self) -> Sourced<char> {
        self.lint_rule(|l| l.strong, "MD050")
            .or_else(|| learnt(&self.house.strong))
    }

    fn wrap(&self) -> Sourced<usize> {
        self.lint_rule(|l| l.line_length, "MD013")
    }

    /// The house's date format, where the dialect's tools do not parse the date (adrs front
    /// matter and log4brains read ISO dates).
    fn date(&self, dialect: Dialect, adrs: bool) -> Sourced<DateFormat> {
        if dialect == Dialect::Log4brains || adrs {
            return None;
        }
        learnt(&self.house.date).filter(|(f, _)| *f != DateFormat::Iso)
    }

    /// The house's status style, as far as the dialect allows: adrs front matter keeps its
    /// lowercase words, log4brains its words (case only).
    fn status(&self, dialect: Dialect, adrs: bool) -> Option<(StatusStyle, String)> {
        if adrs {
            return None;
        }
        let l = self.house.status.as_ref()?;
        let mut s = l.value.clone();
        if dialect == Dialect::Log4brains {
            s.words.clear();
            s.period = false;
        }
        Some((s, l.from.clone()))
    }

    /// Warnings about `text` (an ADR rendered in this style) that the repository's lint run
    /// would report and no rewrapping can fix: headings longer than MD013 allows.
    pub fn check(&self, text: &str) -> Vec<String> {
        overlong(text, self)
    }

    /// One line for the TUI preview: the files the style was copied from and the lint config
    /// followed; `None` when there is neither.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.house.read.is_empty() {
            parts.push(format!("house style from {}", self.house.read.join(", ")));
        }
        if let Some(l) = &self.lint {
            parts.push(format!("markdownlint rules from {}", l.source));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// What was copied from where, one line each, for `decide --explain-style` and the TUI.
    pub fn explain(&self, dialect: Dialect, adrs: bool) -> Vec<String> {
        let mut out = Vec::new();
        let h = &self.house;
        if h.read.is_empty() {
            out.push(format!(
                "no ADRs or template to learn from yet: {} defaults",
                dialect.name()
            ));
        } else {
            out.push(format!("learnt from {}", h.read.join(", ")));
        }
        if let Some(fm) = &h.front_matter {
            let v = &fm.value;
            if v.tag_only {
                out.push(format!(
                    "front matter: the `{}` block before the title, from {}",
                    v.keys.join("`, `"),
                    fm.from
                ));
            } else {
                let missing: Vec<&str> = ["title", "decision-makers", "consulted", "informed"]
                    .into_iter()
                    .filter(|k| !has_key(&v.keys, k) && (adrs || *k != "title"))
                    .collect();
                out.push(format!(
                    "front matter: keys {} in that order{}, from {}",
                    v.keys.join(", "),
                    if missing.is_empty() {
                        String::new()
                    } else {
                        format!(" (no {})", missing.join(", "))
                    },
                    fm.from
                ));
            }
            if !v.comments.is_empty() {
                out.push(format!(
                    "front matter comments ({}), from {}",
                    v.comments.join(" / "),
                    fm.from
                ));
            }
        }
        if let Some(l) = &self.lint
            && adrs
            && l.title_key_is_heading
        {
            out.push(format!(
                "no title: key in the front matter: MD025 in {} would count it as a second top-level heading (adrs reads the title from the H1)",
                l.source
            ));
        }
        if let Some(c) = &h.comment {
            out.push(format!(
                "header comment ({}), from {}",
                c.value.1.join(" "),
                c.from
            ));
        }
        if let Some((m, from)) = self.marker() {
            out.push(format!("list marker `{m}`, from {from}"));
        }
        if let Some((n, from)) = self.indent() {
            out.push(format!("nested lists indented {n} spaces, from {from}"));
        }
        if let Some((c, from)) = self.emphasis() {
            out.push(format!("emphasis `{c}text{c}`, from {from}"));
        }
        if let Some((c, from)) = self.strong() {
            out.push(format!("strong emphasis `{c}{c}text{c}{c}`, from {from}"));
        }
        if let Some(hs) = &h.headings {
            out.push(format!(
                "section headings and order: {}, from {}",
                hs.value.join(" / "),
                hs.from
            ));
            let theirs: Vec<&str> = hs
                .value
                .iter()
                .filter(|x| section_key(x).is_none())
                .map(String::as_str)
                .collect();
            if !theirs.is_empty() {
                out.push(format!(
                    "not written: {} (the analysis has nothing for {}); add {} by hand",
                    theirs.join(", "),
                    if theirs.len() == 1 { "it" } else { "them" },
                    if theirs.len() == 1 { "it" } else { "them" }
                ));
            }
        }
        if let Some((f, from)) = self.date(dialect, adrs) {
            out.push(format!(
                "date written as {}, from {from}",
                f.format("2026-03-05")
            ));
        }
        if let Some((s, from)) = self.status(dialect, adrs) {
            out.push(format!(
                "status written as \"{}\", from {from}",
                s.write("accepted")
            ));
        }
        match &self.lint {
            None => out.push("no markdownlint config: its default rules apply".into()),
            Some(l) => {
                if let Some(why) = &l.unreadable {
                    out.push(format!(
                        "markdownlint config {} not read ({why}): its default rules are assumed",
                        l.source
                    ));
                } else {
                    out.push(format!("markdownlint config {}", l.source));
                }
                match l.line_length {
                    Some(n) => out.push(format!(
                        "lines wrapped at {n} columns, from MD013 in {}",
                        l.source
                    )),
                    None => out.push(format!(
                        "line length not limited (MD013 off in {})",
                        l.source
                    )),
                }
                if l.ordered_one.is_some() {
                    out.push(format!("ordered lists numbered by MD029 in {}", l.source));
                }
                if l.tilde_fences {
                    out.push(format!("code fences `~~~`, from MD048 in {}", l.source));
                }
            }
        }
        out
    }
}

fn has_key(keys: &[String], k: &str) -> bool {
    keys.iter()
        .any(|x| x == k || (k == "decision-makers" && x == "deciders"))
}

/// The rendered ADR `text` in the house style.
pub fn restyle(
    text: &str,
    dialect: Dialect,
    adrs: bool,
    style: &Style,
    facts: Facts<'_>,
) -> String {
    let (fm, body) = split_front_matter(text);
    let mut fm: Option<Vec<String>> = fm.map(|f| f.iter().map(|l| (*l).to_string()).collect());
    let mut body: Vec<String> = body.iter().map(|l| (*l).to_string()).collect();

    // Status and date in the house's words and format.
    let status = style.status(dialect, adrs);
    let date = style.date(dialect, adrs);
    if let Some(lines) = fm.as_mut() {
        let quoted = style
            .house
            .front_matter
            .as_ref()
            .and_then(|f| f.value.quoted_status);
        for l in lines.iter_mut() {
            if l.starts_with("status:") && (status.is_some() || quoted.is_some()) {
                let word = status
                    .as_ref()
                    .map_or(facts.status.to_string(), |(s, _)| s.write(facts.status));
                *l = if quoted.unwrap_or(true) {
                    format!("status: \"{word}\"")
                } else {
                    format!("status: {word}")
                };
            } else if l.starts_with("date:")
                && let Some((f, _)) = date
            {
                *l = format!("date: {}", f.format(facts.date));
            }
        }
    }
    restyle_header(
        &mut body,
        dialect,
        status.as_ref().map(|s| &s.0),
        date.map(|d| d.0),
        facts,
    );

    // A `title:` key counts as a top-level heading beside the H1 (MD025): left out, since
    // adrs reads the title from the H1 too.
    if style.lint.as_ref().is_some_and(|l| l.title_key_is_heading)
        && let Some(lines) = fm.as_mut()
    {
        lines.retain(|l| !l.starts_with("title:"));
    }
    // Front matter: their keys, order and comments; a tag block where the dialect has none.
    if let Some(shape) = &style.house.front_matter {
        let shape = &shape.value;
        match fm.as_mut() {
            Some(lines) => *lines = reshape(lines, shape, facts, adrs),
            None if shape.tag_only && dialect != Dialect::Madr => {
                let mut lines = shape.comments.clone();
                for k in &shape.keys {
                    if let Some((_, l)) = shape.constants.iter().find(|(c, _)| c == k) {
                        lines.push(l.clone());
                    } else if let Some(prefix) = shape.tags.iter().find(|t| key_of(t) == k) {
                        lines.push(format!("{prefix}{}", facts.tag));
                    }
                }
                if !lines.is_empty() {
                    fm = Some(lines);
                }
            }
            None => {}
        }
    }

    if let Some(hs) = &style.house.headings {
        body = reorder_sections(&body, &hs.value, dialect);
    }
    let em = style.emphasis().map(|e| e.0);
    let strong = style.strong().map(|e| e.0);
    let marker = style.marker().map(|m| m.0);
    let indent = style.indent().map(|m| m.0);
    let ordered = style.lint.as_ref().and_then(|l| l.ordered_one);
    let tilde = style.lint.as_ref().is_some_and(|l| l.tilde_fences);
    let code_length = style.lint.as_ref().and_then(|l| l.code_length);
    let mut fence = false;
    let mut mermaid = false;
    let mut comment = false;
    for l in &mut body {
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            mermaid = fence && t[3..].trim() == "mermaid";
            if tilde {
                *l = l.replacen("```", "~~~", 1);
            }
            continue;
        }
        if fence {
            if mermaid && let Some(width) = code_length {
                *l = shorten_label(l, width);
            }
            continue;
        }
        if comment || t.starts_with("<!--") {
            comment = !l.contains("-->");
            continue;
        }
        if em.is_some_and(|c| c != '*') || strong.is_some_and(|c| c != '*') {
            *l = emphasis(l, em.unwrap_or('*'), strong.unwrap_or('*'));
        }
        let spaces = l.len() - l.trim_start().len();
        let t = &l[spaces..];
        if t.starts_with("- ") {
            let m = marker.unwrap_or('-');
            let lead = match indent {
                Some(n) if spaces > 0 => " ".repeat(spaces / 2 * n),
                _ => " ".repeat(spaces),
            };
            *l = format!("{lead}{m}{}", &t[1..]);
        } else if let Some(n) = ordered {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            if digits > 0 && t[digits..].starts_with(". ") {
                *l = format!("{}{n}{}", &l[..spaces], &t[digits..]);
            }
        }
    }
    if let Some((width, _)) = style.wrap() {
        body = wrap(&body, width);
    }

    // Assemble: front matter, the licence comment, the body.
    let mut out: Vec<String> = Vec::new();
    let comment_block = style.house.comment.as_ref().map(|c| &c.value);
    if let Some((CommentAt::Top, lines)) = comment_block
        && fm.is_none()
    {
        out.extend(lines.iter().cloned());
        out.push(String::new());
    }
    if let Some(f) = &fm {
        out.push("---".into());
        out.extend(f.iter().cloned());
        out.push("---".into());
        if let Some((_, lines)) = comment_block {
            out.push(String::new());
            out.extend(lines.iter().cloned());
        }
        // A tag block sits right on the title, as in the house's files.
        let tight = style
            .house
            .front_matter
            .as_ref()
            .is_some_and(|f| f.value.tag_only)
            && text.starts_with("# ");
        if !tight || comment_block.is_some() {
            out.push(String::new());
        }
        while body.first().is_some_and(String::is_empty) {
            body.remove(0);
        }
    }
    out.extend(body);
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// The front-matter lines (without the `---` rules) and the body after them.
fn split_front_matter(text: &str) -> (Option<Vec<&str>>, Vec<&str>) {
    let lines: Vec<&str> = text.lines().collect();
    if lines.first() == Some(&"---")
        && let Some(end) = lines[1..].iter().position(|l| *l == "---")
    {
        return (Some(lines[1..=end].to_vec()), lines[end + 2..].to_vec());
    }
    (None, lines)
}

fn key_of(line: &str) -> &str {
    line.split(':').next().unwrap_or("").trim()
}

/// Our front matter in the house's shape: their keys and order (the ones the dialect needs
/// always kept), their comments first, their constant keys added.
fn reshape(
    lines: &[String],
    shape: &super::style::FrontMatterShape,
    facts: Facts<'_>,
    adrs: bool,
) -> Vec<String> {
    let required = |k: &str| k == "status" || k == "date" || (adrs && k == "number");
    let mut kept: Vec<(usize, String)> = Vec::new();
    for l in lines {
        let k = key_of(l);
        let theirs = if k == "decision-makers"
            && !shape.keys.iter().any(|x| x == k)
            && shape.keys.iter().any(|x| x == "deciders")
        {
            "deciders"
        } else {
            k
        };
        let Some(at) = shape.keys.iter().position(|x| x == theirs) else {
            if required(k) {
                kept.push((usize::MAX, l.clone()));
            }
            continue;
        };
        let line = if theirs == k {
            l.clone()
        } else {
            format!("{theirs}:{}", &l[k.len() + 1..])
        };
        kept.push((at, line));
    }
    for (i, k) in shape.keys.iter().enumerate() {
        if kept.iter().any(|(at, _)| *at == i) {
            continue;
        }
        if let Some((_, l)) = shape.constants.iter().find(|(c, _)| c == k) {
            kept.push((i, l.clone()));
        } else if let Some(prefix) = shape.tags.iter().find(|t| key_of(t) == k) {
            kept.push((i, format!("{prefix}{}", facts.tag)));
        }
    }
    kept.sort_by_key(|(at, _)| *at);
    shape
        .comments
        .iter()
        .cloned()
        .chain(kept.into_iter().map(|(_, l)| l))
        .collect()
}

/// Status and date in the body: Nygard's `Date:` line and the paragraph under `## Status`,
/// log4brains' `- Status:` bullet.
fn restyle_header(
    body: &mut [String],
    dialect: Dialect,
    status: Option<&StatusStyle>,
    date: Option<DateFormat>,
    facts: Facts<'_>,
) {
    match dialect {
        Dialect::Nygard => {
            let first_section = body
                .iter()
                .position(|l| l.starts_with("## "))
                .unwrap_or(body.len());
            if let Some(f) = date
                && let Some(l) = body[..first_section]
                    .iter_mut()
                    .find(|l| l.starts_with("Date: "))
            {
                *l = format!("Date: {}", f.format(facts.date));
            }
            if let Some(s) = status
                && let Some(h) = body.iter().position(|l| l == "## Status")
                && let Some(l) = body[h + 1..].iter_mut().find(|l| !l.trim().is_empty())
            {
                *l = s.write(facts.status);
            }
        }
        Dialect::Log4brains => {
            if let Some(s) = status
                && let Some(l) = body.iter_mut().find(|l| l.starts_with("- Status: "))
            {
                *l = format!("- Status: {}", s.write(facts.status));
            }
        }
        Dialect::Madr => {}
    }
}

/// What a section is about, whatever a house calls it.
fn section_key(heading: &str) -> Option<&'static str> {
    let h = heading.trim().trim_end_matches(':').to_lowercase();
    let h = h
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim();
    Some(match h {
        "status" => "status",
        "context"
        | "context and problem statement"
        | "problem statement"
        | "problem"
        | "context and problem"
        | "background" => "context",
        "decision drivers" | "drivers" | "decision criteria" => "drivers",
        "considered options"
        | "options"
        | "options considered"
        | "alternatives"
        | "alternatives considered" => "options",
        "decision outcome" | "decision" | "outcome" => "decision",
        "consequences" => "consequences",
        "confirmation" => "confirmation",
        "pros and cons of the options" | "pros and cons" | "pros and cons of the alternatives" => {
            "pros_cons"
        }
        "more information" | "notes" | "additional information" | "further information" => "more",
        "links" | "related decisions" => "links",
        _ => return None,
    })
}

/// The `## ` sections both share, named and ordered as the house has them; ours that the house
/// lacks keep their places. Nygard's own four sections keep their names and places.
fn reorder_sections(body: &[String], house: &[String], dialect: Dialect) -> Vec<String> {
    let mut fence = false;
    let mut starts = Vec::new();
    for (i, l) in body.iter().enumerate() {
        if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
            fence = !fence;
        }
        if !fence && l.starts_with("## ") {
            starts.push(i);
        }
    }
    let Some(&first) = starts.first() else {
        return body.to_vec();
    };
    let mut sections: Vec<Vec<String>> = starts
        .iter()
        .enumerate()
        .map(|(n, &s)| body[s..starts.get(n + 1).copied().unwrap_or(body.len())].to_vec())
        .collect();
    // A section ends with one blank line; the last one may not.
    if let Some(last) = sections.last_mut()
        && last.last().is_some_and(|l| !l.is_empty())
    {
        last.push(String::new());
    }
    let house_keys: Vec<Option<&str>> = house.iter().map(|h| section_key(h)).collect();
    let mut shared: Vec<(usize, usize)> = Vec::new(); // (our index, house index)
    let mut used = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        let key = section_key(&s[0][3..]);
        // Nygard's four sections keep their names and order: adr-tools and adrs find them so.
        let nygard_own = dialect == Dialect::Nygard
            && matches!(
                key,
                Some("status" | "context" | "decision" | "consequences")
            );
        if let Some(k) = key
            && !nygard_own
            && !used.contains(&k)
            && let Some(h) = house_keys.iter().position(|x| *x == Some(k))
        {
            used.push(k);
            shared.push((i, h));
        }
    }
    for &(i, h) in &shared {
        sections[i][0] = format!("## {}", house[h]);
    }
    let slots: Vec<usize> = shared.iter().map(|(i, _)| *i).collect();
    let mut by_house = shared.clone();
    by_house.sort_by_key(|(_, h)| *h);
    let mut order: Vec<usize> = (0..sections.len()).collect();
    for (slot, (ours, _)) in slots.iter().zip(by_house) {
        order[*slot] = ours;
    }
    let mut out = body[..first].to_vec();
    for i in order {
        out.extend(sections[i].iter().cloned());
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Our `*` and `**` emphasis with the house's markers, outside code spans and link targets.
fn emphasis(line: &str, em: char, strong: char) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    // A leading list marker is no emphasis.
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    if chars.get(lead) == Some(&'*') && chars.get(lead + 1) == Some(&' ') {
        out.extend(&chars[..lead + 2]);
        i = lead + 2;
    }
    let mut code = false;
    let mut target = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && !code {
            out.push(c);
            if let Some(n) = chars.get(i + 1) {
                out.push(*n);
            }
            i += 2;
            continue;
        }
        if c == '`' {
            code = !code;
        } else if !code && c == '(' && i > 0 && chars[i - 1] == ']' {
            target = true;
        } else if target && c == ')' {
            target = false;
        }
        if c == '*' && !code && !target {
            let run = chars[i..].iter().take_while(|x| **x == '*').count();
            match run {
                1 => out.push(em),
                2 => {
                    out.push(strong);
                    out.push(strong);
                }
                n => out.extend(std::iter::repeat_n('*', n)),
            }
            i += run;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A Mermaid node line (`  id["Label (detail) 12"]`) longer than `width`, its label shortened
/// to fit: parentheses dropped first, then the name cut with `…` before its score; the node
/// keeps its id, so every edge still finds it. Other lines are returned as they are.
fn shorten_label(line: &str, width: usize) -> String {
    let len = |s: &str| s.chars().count();
    if len(line) <= width {
        return line.to_string();
    }
    let (Some(open), Some(close)) = (line.find('"'), line.rfind('"')) else {
        return line.to_string();
    };
    if close <= open + 1 || line[..open].contains('|') {
        return line.to_string();
    }
    let (head, label, tail) = (&line[..=open], &line[open + 1..close], &line[close..]);
    // A criterion's weight mark, `(w5)`, stays.
    let (label, weight) = match label.rfind(" (w") {
        Some(i)
            if label.ends_with(')')
                && label[i + 3..label.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit()) =>
        {
            (&label[..i], &label[i..])
        }
        _ => (label, ""),
    };
    let tail = format!("{weight}{tail}");
    let tail = tail.as_str();
    // Drop parenthesised details (`(GKE Autopilot, EKS Auto Mode)`), innermost last.
    let mut short = String::new();
    let mut depth = 0;
    for c in label.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => short.push(c),
            _ => {}
        }
    }
    let mut short = short.split_whitespace().collect::<Vec<_>>().join(" ");
    if short.is_empty() {
        short = label.to_string();
    }
    let room = width.saturating_sub(len(head) + len(tail));
    if len(&short) > room {
        // Keep the score (the last word: `12`, `✔ 35`) and cut the name.
        let words: Vec<&str> = short.split(' ').collect();
        let keep = words
            .iter()
            .rev()
            .take_while(|w| w.parse::<i64>().is_ok() || **w == "✔")
            .count();
        let (name, score) = words.split_at(words.len() - keep);
        let score = score.join(" ");
        let budget = room.saturating_sub(len(&score) + 2).max(1);
        let cut: String = name.join(" ").chars().take(budget).collect();
        short = format!("{}… {score}", cut.trim_end())
            .trim_end()
            .to_string();
    }
    format!("{head}{short}{tail}")
}

/// Lines MD013 checks that cannot be wrapped (headings), longer than the limit: one warning
/// each, saying what to do, so the user learns it before the repository's lint run does.
fn overlong(text: &str, style: &Style) -> Vec<String> {
    let Some(l) = &style.lint else {
        return Vec::new();
    };
    let Some(width) = l.heading_length else {
        return Vec::new();
    };
    let (fm, body) = split_front_matter(text);
    let offset = fm.map_or(0, |f| f.len() + 2);
    let mut fence = false;
    let mut long: Vec<(usize, usize)> = Vec::new();
    for (i, line) in body.iter().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        let n = line.chars().count();
        if !fence && t.starts_with('#') && n > width {
            long.push((i + 1 + offset, n));
        }
    }
    if long.is_empty() {
        return Vec::new();
    }
    let lines: Vec<String> = long.iter().map(|(i, _)| i.to_string()).collect();
    let longest = long.iter().map(|(_, n)| *n).max().unwrap_or(0);
    vec![format!(
        "{} longer than MD013's {width} columns in {} (line{} {}, the longest {longest}): shorten the title (--title) or the option's name, or let headings run long there (MD013 headings: false)",
        if long.len() == 1 {
            "a heading is".to_string()
        } else {
            format!("{} headings are", long.len())
        },
        l.source,
        if long.len() == 1 { "" } else { "s" },
        lines.join(", ")
    )]
}

/// A word that would start a block if it began a line (a heading, a list item, a quote, a
/// thematic break, a fence, a table row or HTML).
fn starts_block(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    word.starts_with(['#', '>', '-', '+', '=', '|', '<', '~'])
        || word.starts_with("```")
        || word == "*"
        || word.chars().all(|c| matches!(c, '*' | '_'))
        || (digits > 0 && matches!(&word[digits..], "." | ")"))
}

/// Prose lines longer than `width` broken at spaces, list items' continuations indented under
/// their text. Headings, code, comments, tables and link lines under `## Status`/`## Links`
/// (which tools read line by line) stay whole.
fn wrap(body: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence = false;
    let mut comment = false;
    let mut section = String::new();
    for l in body {
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        if let Some(h) = l.strip_prefix("## ") {
            section = h.trim().to_string();
        }
        let skip = fence
            || comment
            || t.starts_with("<!--")
            || t.starts_with('#')
            || t.starts_with('|')
            || section == "Status"
            || section == "Links"
            || l.chars().count() <= width;
        if comment || t.starts_with("<!--") {
            comment = !l.contains("-->");
        }
        if skip {
            out.push(l.clone());
            continue;
        }
        // The line's own lead (indent and list marker) and where continuations start.
        let spaces = l.len() - t.len();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let marker = if t.starts_with(['-', '*', '+']) && t[1..].starts_with(' ') {
            2
        } else if digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")) {
            digits + 2
        } else {
            0
        };
        let lead = &l[..spaces + marker];
        let hang = " ".repeat(spaces + marker);
        let header = ["Status:", "Date:", "Deciders:", "Tags:"]
            .iter()
            .any(|h| t[marker..].starts_with(h));
        if header {
            out.push(l.clone());
            continue;
        }
        let words: Vec<&str> = t[marker..].split(' ').filter(|w| !w.is_empty()).collect();
        let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
        let mut len = lead.chars().count();
        for w in words {
            let wl = w.chars().count();
            let cur = lines.last_mut().expect("one line");
            if !cur.is_empty() && len + 1 + wl > width {
                // Never start a line with what would open a block: carry words over with it.
                let mut carried = vec![w];
                while starts_block(carried[0]) && cur.len() > 1 {
                    carried.insert(0, cur.pop().expect("non-empty"));
                }
                if starts_block(carried[0]) {
                    cur.extend(carried);
                    len = hang.len() + cur.iter().map(|w| w.chars().count() + 1).sum::<usize>();
                    continue;
                }
                len = hang.len()
                    + carried.iter().map(|w| w.chars().count()).sum::<usize>()
                    + carried.len()
                    - 1;
                lines.push(carried);
            } else {
                if !cur.is_empty() {
                    len += 1;
                }
                len += wl;
                cur.push(w);
            }
        }
        for (n, words) in lines.iter().enumerate() {
            let head = if n == 0 { lead } else { hang.as_str() };
            out.push(format!("{head}{}", words.join(" ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::style::{Sample, headings, learn};
    use super::*;

    const FACTS: Facts<'static> = Facts {
        status: "proposed",
        date: "2026-11-26",
        tag: "data-store",
    };

    const MADR: &str = "---\nnumber: 4\ntitle: \"Use X\"\nstatus: \"proposed\"\ndate: 2026-11-26\ndecision-makers: [\"A\"]\nconsulted: []\ninformed: []\n---\n\n# Use X\n\n**In short:** we chose *X* here.\n\n## Context and Problem Statement\n\nSome context.\n\n## Decision Drivers\n\n- Speed (weight 5 of 5)\n\n## Considered Options\n\n1. X (score 3, chosen)\n2. Y (score 1)\n\n## Decision Outcome\n\nChosen option: \"X\".\n\n## More Information\n\nEnd.\n";

    fn style_of(files: &[(&str, &str)]) -> Style {
        let samples: Vec<Sample> = files
            .iter()
            .map(|(n, t)| Sample {
                name: (*n).to_string(),
                text: (*t).to_string(),
                template: n.ends_with("template.md"),
            })
            .collect();
        Style {
            house: learn(&samples),
            lint: None,
        }
    }

    #[test]
    fn nothing_learnt_changes_nothing() {
        let s = Style::default();
        assert_eq!(restyle(MADR, Dialect::Madr, true, &s, FACTS), MADR);
        let nygard = "# 1. X\n\nDate: 2026-11-26\n\n## Status\n\nProposed\n\n## Context\n\nC.\n";
        assert_eq!(restyle(nygard, Dialect::Nygard, false, &s, FACTS), nygard);
    }

    #[test]
    fn spdx_front_matter_without_title_in_their_key_order() {
        let theirs = "---\n# SPDX-FileCopyrightText: 2025 Example Corp\n# SPDX-License-Identifier: CC-BY-4.0\nstatus: accepted\ndate: 2025-04-02\nnumber: 3\n---\n\n# Old\n\n## Context and Problem Statement\n\n* a\n\n_x_ and __y__\n\n## Decision Outcome\n\nOld.\n";
        let s = style_of(&[("0003-old.md", theirs)]);
        let out = restyle(MADR, Dialect::Madr, true, &s, FACTS);
        assert!(
            out.starts_with("---\n# SPDX-FileCopyrightText: 2025 Example Corp\n# SPDX-License-Identifier: CC-BY-4.0\nstatus: proposed\ndate: 2026-11-26\nnumber: 4\n---\n\n# Use X\n"),
            "{out}"
        );
        assert!(
            !out.contains("title:") && !out.contains("consulted"),
            "{out}"
        );
        assert!(out.contains("__In short:__ we chose _X_ here."), "{out}");
        assert!(out.contains("\n* Speed (weight 5 of 5)\n"), "{out}");
    }

    #[test]
    fn a_tag_block_goes_before_the_nygard_title_and_status_is_theirs() {
        let theirs = "---\ntag:Blast\n---\n# 25. Old\n\nDate: 05.03.2024\n\n## Status\n\nAccepted.\n\n## Context\n\nC.\n";
        let s = style_of(&[("0025-old.md", theirs)]);
        let ours = "# 26. New\n\nDate: 2026-11-26\n\n## Status\n\nProposed\n\n## Context\n\nC.\n";
        let out = restyle(ours, Dialect::Nygard, false, &s, FACTS);
        assert_eq!(
            out,
            "---\ntag:Blast\n---\n# 26. New\n\nDate: 26.11.2026\n\n## Status\n\nProposed.\n\n## Context\n\nC.\n"
        );
    }

    #[test]
    fn shared_sections_take_the_house_names_and_order() {
        let theirs = "---\nstatus: accepted\ndate: 2025-01-01\n---\n\n# T\n\n## Decision Outcome\n\nx\n\n## Problem Statement\n\ny\n\n## Compliance\n\nz\n";
        let s = style_of(&[("0001-t.md", theirs)]);
        let out = restyle(MADR, Dialect::Madr, false, &s, FACTS);
        let heads: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            heads,
            [
                "## Decision Outcome",
                "## Decision Drivers",
                "## Considered Options",
                "## Problem Statement",
                "## More Information"
            ]
        );
        assert!(out.ends_with("End.\n"), "{out}");
        assert!(
            s.explain(Dialect::Madr, false).iter().any(|l| l
                == "not written: Compliance (the analysis has nothing for it); add it by hand"),
        );
    }

    #[test]
    fn nygard_sections_keep_their_names_under_madr_headings() {
        let theirs = "---\nstatus: accepted\ndate: 2025-01-01\n---\n\n# T\n\n## Decision Outcome\n\nx\n\n## More Information\n\ny\n\n## Problem Statement\n\nz\n";
        let s = style_of(&[("0001-t.md", theirs)]);
        let ours = "# 2. N\n\nDate: 2026-11-26\n\n## Status\n\nProposed\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n\n## Decision Drivers\n\nF.\n\n## More Information\n\nG.\n";
        let out = restyle(ours, Dialect::Nygard, false, &s, FACTS);
        assert_eq!(
            headings(&out),
            [
                "Status",
                "Context",
                "Decision",
                "Consequences",
                "Decision Drivers",
                "More Information"
            ]
        );
    }

    #[test]
    fn lint_rules_win_over_the_house_and_lines_wrap() {
        let s = Style {
            lint: Some(super::super::lint_config::rules(
                ".markdownlint.yaml",
                &serde_json::json!({"MD013": {"line_length": 40}, "MD004": {"style": "plus"}, "MD029": {"style": "one"}}),
            )),
            ..Style::default()
        };
        let text = "# T\n\nA fairly long paragraph that certainly needs to be wrapped - twice, or more, here.\n\n- An item that is long enough to wrap onto a second line.\n\n1. one\n2. two\n";
        let out = restyle(text, Dialect::Madr, false, &s, FACTS);
        for l in out.lines() {
            assert!(l.chars().count() <= 40, "{l:?} in\n{out}");
        }
        assert!(
            out.contains("\n+ An item that is long enough to wrap\n  onto a second line.\n"),
            "{out}"
        );
        assert!(out.contains("\n1. one\n1. two\n"), "{out}");
        // "- twice" must not start a line (it would be a list item).
        assert!(!out.lines().any(|l| l.starts_with("- ")), "{out}");
    }

    #[test]
    fn a_title_key_md025_would_count_is_left_out() {
        let s = Style {
            house: HouseStyle::default(),
            lint: Some(super::super::lint_config::rules(
                "x",
                &serde_json::json!({"MD013": false}),
            )),
        };
        let out = restyle(MADR, Dialect::Madr, true, &s, FACTS);
        assert!(
            out.starts_with("---\nnumber: 4\nstatus: \"proposed\"\n"),
            "{out}"
        );
        assert!(
            s.explain(Dialect::Madr, true)
                .iter()
                .any(|l| l.starts_with("no title: key in the front matter: MD025 in x")),
        );
    }

    #[test]
    fn emphasis_leaves_code_links_and_escapes_alone() {
        assert_eq!(
            emphasis("**a** `*b*` [c](http://x/*y*) \\*d\\* *e*", '_', '_'),
            "__a__ `*b*` [c](http://x/*y*) \\*d\\* _e_"
        );
        assert_eq!(emphasis("* item *x*", '_', '*'), "* item _x_");
    }

    #[test]
    fn long_mermaid_labels_are_shortened_and_long_headings_named() {
        let node = "  compute_autopilot_kubernetes[\"Kubernetes with provider-managed nodes (GKE Autopilot, EKS Auto Mode, AKS Automatic) ✔ 35\"]";
        assert_eq!(
            shorten_label(node, 80),
            "  compute_autopilot_kubernetes[\"Kubernetes with provider-managed nodes ✔ 35\"]"
        );
        let cut = shorten_label(node, 60);
        assert_eq!(
            cut,
            "  compute_autopilot_kubernetes[\"Kubernetes with prov… ✔ 35\"]"
        );
        assert!(cut.chars().count() <= 60);
        let crit = "  latency{{\"Key-access latency under a very long criterion name here (w5)\"}}";
        assert!(
            shorten_label(crit, 50).ends_with("… (w5)\"}}"),
            "{}",
            shorten_label(crit, 50)
        );
        let edge = "  a_very_long_option_identifier -.->|\"-2\"| another_long_criterion_id_x";
        assert_eq!(shorten_label(edge, 40), edge);
        let s = Style {
            lint: Some(super::super::lint_config::rules(
                ".markdownlint.json",
                &serde_json::json!({}),
            )),
            ..Style::default()
        };
        let long = format!("---\nstatus: x\n---\n\n# {}\n\ntext\n", "Word ".repeat(20));
        let w = s.check(&long);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            w[0],
            "a heading is longer than MD013's 80 columns in .markdownlint.json (line 5, the longest 102): shorten the title (--title) or the option's name, or let headings run long there (MD013 headings: false)"
        );
        assert!(overlong(&long, &Style::default()).is_empty());
    }

    #[test]
    fn wrapping_never_starts_a_block() {
        assert!(starts_block("-"));
        assert!(starts_block("12."));
        assert!(starts_block("#care"));
        assert!(!starts_block("12.5"));
        assert!(!starts_block("word"));
        let out = wrap(&["aaaa bbbb 1. cccc".to_string()], 10);
        assert_eq!(out, ["aaaa", "bbbb 1.", "cccc"]);
    }

    #[test]
    fn explanations_name_the_files() {
        let theirs = "<!-- SPDX-License-Identifier: MIT -->\n\n# 2. B\n\nDate: 2024-01-02\n\n## Status\n\naccepted\n";
        let s = style_of(&[("0002-b.md", theirs)]);
        let lines = s.explain(Dialect::Nygard, false);
        assert!(
            lines.iter().any(|l| l == "learnt from 0002-b.md"),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with(
                "header comment (<!-- SPDX-License-Identifier: MIT -->), from 0002-b.md"
            )),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l == "status written as \"accepted\", from 0002-b.md"),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("no markdownlint config")),
            "{lines:?}"
        );
        let out = restyle(
            "# 3. C\n\nDate: 2026-11-26\n\n## Status\n\nProposed\n",
            Dialect::Nygard,
            false,
            &s,
            FACTS,
        );
        assert!(
            out.starts_with("<!-- SPDX-License-Identifier: MIT -->\n\n# 3. C\n"),
            "{out}"
        );
        assert!(out.contains("## Status\n\nproposed\n"), "{out}");
    }
}
