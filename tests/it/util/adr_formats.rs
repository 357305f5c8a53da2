//! Small checkers that read an ADR file the way the existing tools do (ADR-CONVENTIONS.md
//! section 4), so a change that would make adr-tools, adrs or log4brains misread our files
//! fails a test. Each returns what the tool would see, or why it would not see it.

/// What a tool reads from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub number: Option<u32>,
    pub title: String,
    pub date: String,
    pub status: String,
    /// (label, target file) pairs.
    pub links: Vec<(String, String)>,
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `Label [N. Title](NNNN-slug.md)` or `- Label [slug](file.md)`.
fn parse_link(line: &str) -> Option<(String, String)> {
    let line = line.trim().trim_start_matches("- ");
    let open = line.find(" [")?;
    let label = line[..open].to_string();
    let close = line.rfind("](")?;
    let target = line[close + 2..].strip_suffix(')')?;
    if target.contains(' ') || !target.ends_with(".md") || target.contains('/') {
        return None;
    }
    Some((label, target.to_string()))
}

/// adr-tools: title is line 1 minus its first two characters (`# `) and must read `N. Title`;
/// `Date:` line; status is the first line after the exact heading `## Status`; links are
/// paragraphs under `## Status`. No front matter allowed.
pub fn adr_tools(text: &str) -> Result<Seen, String> {
    let first = text.lines().next().ok_or("empty file")?;
    if !first.starts_with("# ") {
        return Err(format!("line 1 is not an H1: {first:?}"));
    }
    let title_line = &first[2..];
    let (num, title) = title_line
        .split_once(". ")
        .ok_or_else(|| format!("line 1 lacks \"N. \": {first:?}"))?;
    let number: u32 = num
        .parse()
        .map_err(|_| format!("bad number in {first:?}"))?;
    let before_status: Vec<&str> = text.lines().take_while(|l| !l.starts_with("## ")).collect();
    let date = before_status
        .iter()
        .find_map(|l| l.strip_prefix("Date: "))
        .ok_or("no Date: line before the first ## heading")?
        .to_string();
    if !is_iso_date(&date) {
        return Err(format!("date {date:?} is not ISO"));
    }
    let lines: Vec<&str> = text.lines().collect();
    let h = lines
        .iter()
        .position(|l| *l == "## Status")
        .ok_or("no exact \"## Status\" heading")?;
    let section: Vec<&str> = lines[h + 1..]
        .iter()
        .take_while(|l| !l.starts_with("## "))
        .copied()
        .collect();
    let status = section
        .iter()
        .find(|l| !l.trim().is_empty())
        .ok_or("nothing under ## Status")?
        .trim()
        .to_string();
    let links = section.iter().filter_map(|l| parse_link(l)).collect();
    // Nygard's four sections come first and in his order, as adr-tools writes them.
    let heads: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("## "))
        .copied()
        .collect();
    if heads.len() < 4
        || heads[..4] != ["## Status", "## Context", "## Decision", "## Consequences"]
    {
        return Err(format!("the first sections are not Nygard's: {heads:?}"));
    }
    Ok(Seen {
        number: Some(number),
        title: title.to_string(),
        date,
        status,
        links,
    })
}

fn front_matter(text: &str) -> Option<Vec<(String, String)>> {
    let mut lines = text.lines();
    if lines.next()? != "---" {
        return None;
    }
    let mut out = Vec::new();
    for l in lines {
        if l == "---" {
            return Some(out);
        }
        let (k, v) = l.split_once(':')?;
        out.push((k.trim().to_string(), v.trim().to_string()));
    }
    None
}

fn unquote(v: &str) -> String {
    v.trim_matches('"').to_string()
}

/// MADR 4: front matter with quoted `status` and ISO `date`, then `# Title` without a number.
pub fn madr(text: &str) -> Result<Seen, String> {
    let fm = front_matter(text).ok_or("no closed front matter at the top")?;
    let get = |k: &str| fm.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let status = get("status").ok_or("front matter has no status")?;
    if !(status.starts_with('"') && status.ends_with('"')) {
        return Err(format!("status {status:?} is not quoted"));
    }
    let date = get("date").ok_or("front matter has no date")?;
    if !is_iso_date(&date) {
        return Err(format!("date {date:?} is not ISO"));
    }
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .ok_or("no H1")?
        .to_string();
    let number = get("number")
        .map(|n| n.parse().map_err(|_| format!("bad number {n:?}")))
        .transpose()?;
    let mut last = 0;
    for h in [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "### Consequences",
        "### Confirmation",
        "## Pros and Cons of the Options",
        "## More Information",
    ] {
        let at = text
            .lines()
            .position(|l| l == h)
            .ok_or_else(|| format!("missing section {h:?}"))?;
        if at < last {
            return Err(format!("section {h:?} out of order"));
        }
        last = at;
    }
    if !text.contains("\nChosen option: \"") {
        return Err("no `Chosen option: \"X\"` line".into());
    }
    Ok(Seen {
        number,
        title,
        date,
        status: unquote(&status),
        links: Vec::new(),
    })
}

/// adrs (NextGen / MADR mode): front matter must carry number, date and status, or adrs drops
/// the file silently.
pub fn adrs_front_matter(text: &str) -> Result<Seen, String> {
    let fm = front_matter(text).ok_or("no front matter")?;
    let get = |k: &str| fm.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let number = get("number").ok_or("no number: adrs would drop this file")?;
    let title = get("title").ok_or("no title in front matter")?;
    let mut seen = madr(text)?;
    seen.number = Some(number.parse().map_err(|_| "bad number".to_string())?);
    seen.title = unquote(&title);
    Ok(seen)
}

/// log4brains: the first H1 verbatim, `- Status:` and `- Date:` bullets, `## Links` bullets.
pub fn log4brains(text: &str) -> Result<Seen, String> {
    if text.starts_with("---") {
        return Err("log4brains files carry no front matter here".into());
    }
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .ok_or("no H1")?
        .to_string();
    let bullet = |k: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("- {k}: ")))
            .map(str::to_string)
    };
    let status = bullet("Status").ok_or("no - Status: bullet")?;
    let date = bullet("Date").ok_or("no - Date: bullet")?;
    if !is_iso_date(&date) {
        return Err(format!("date {date:?} is not ISO"));
    }
    let lines: Vec<&str> = text.lines().collect();
    let links = match lines.iter().position(|l| *l == "## Links") {
        Some(h) => lines[h + 1..]
            .iter()
            .take_while(|l| !l.starts_with("## "))
            .filter(|l| l.starts_with("- "))
            .map(|l| parse_link(l).ok_or(format!("bad link bullet {l:?}")))
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    Ok(Seen {
        number: None,
        title,
        date,
        status,
        links,
    })
}

/// The raw front-matter `status` value of a MADR file.
pub fn madr_status(text: &str) -> String {
    front_matter(text)
        .and_then(|fm| fm.into_iter().find(|(k, _)| k == "status").map(|(_, v)| v))
        .unwrap_or_default()
}
