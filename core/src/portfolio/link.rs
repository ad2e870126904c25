//! A portfolio as one link: what the page's `#portfolio` view puts after
//! `#portfolio?` in its address, and what `nines portfolio` reads.
//!
//! Pairs in order, each value written by [`crate::link::encode_component`]:
//! `v=1`, `name=` the portfolio's name, then for each service `service=`
//! its name and `link=` its scenario's link (a query itself, so escaped
//! once more), and one `use=` for each of its dependencies that is another
//! service: the dependency's name, `!`, the service's name, and `!target`
//! when it takes that service's target rather than its expected
//! availability (`!` is escaped inside names, so it only ever separates).
//! The whole link lives in the address's fragment, so the single-service
//! page, which reads the query, never takes it for a scenario.
//!
//! Reading never fails: a link past the bounds is cut with a notice (the
//! services after the [`super::MAX_SERVICES`]th, the uses after the
//! [`super::MAX_USES`]th), and a pair it cannot use is named in a notice.

use super::{MAX_SERVICES, MAX_USES, Portfolio, Service, Takes, Use};
use crate::import::NAME_CHARS;
use crate::link::{decode_component, encode_component};
use crate::quote::quoted;

/// The version of the portfolio link this build writes.
pub const PORTFOLIO_LINK_VERSION: u32 = 1;

/// What marks a portfolio in an address: the view's fragment.
pub const VIEW: &str = "#portfolio";

/// At most this many notices are listed; the rest are counted.
const MAX_NOTICES: usize = 20;

/// The longest link read (bytes), as long as a portfolio document may be.
const MAX_LINK_BYTES: usize = crate::import::MAX_INPUT_BYTES;

/// What [`decode`] made of a link: the portfolio, and one line for each
/// thing it could not use as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The portfolio read.
    pub portfolio: Portfolio,
    /// What was cut or ignored, one line each, for the page and the CLI.
    pub notices: Vec<String>,
}

/// The portfolio as a link's pairs (no `#portfolio?` before them).
///
/// ```
/// use nines_core::portfolio::{link, Portfolio, Service, Takes, Use};
/// let p = Portfolio { name: "shop & co".into(), services: vec![
///     Service { name: "db".into(), link: "v=5&target=99.9%25".into(), uses: vec![], not_carried: vec![] },
///     Service { name: "api".into(), link: "v=5".into(), not_carried: vec![], uses: vec![
///         Use { dependency: "the db".into(), service: "db".into(), takes: Takes::Target }] },
/// ]};
/// assert_eq!(link::encode(&p),
///     "v=1&name=shop%20%26%20co&service=db&link=v%3D5%26target%3D99.9%2525\
///      &service=api&link=v%3D5&use=the%20db!db!target");
/// assert_eq!(link::decode(&link::encode(&p)).portfolio, p);
/// ```
pub fn encode(p: &Portfolio) -> String {
    let mut out = format!(
        "v={PORTFOLIO_LINK_VERSION}&name={}",
        encode_component(&p.name)
    );
    for s in &p.services {
        out.push_str("&service=");
        out.push_str(&encode_component(&s.name));
        out.push_str("&link=");
        out.push_str(&encode_component(&s.link));
        for u in &s.uses {
            out.push_str("&use=");
            out.push_str(&encode_component(&u.dependency));
            out.push('!');
            out.push_str(&encode_component(&u.service));
            if u.takes == Takes::Target {
                out.push_str("!target");
            }
        }
    }
    out
}

/// The whole address of the portfolio's view, relative to the page
/// (`./#portfolio?v=1&…`).
pub fn address(p: &Portfolio) -> String {
    format!("./{VIEW}?{}", encode(p))
}

/// Whether `text` is a portfolio link: an address with `#portfolio` in it,
/// or the pairs alone starting `v=…&name=` or `name=`.
pub fn is_link(text: &str) -> bool {
    let t = text.trim();
    t.contains(VIEW) || t.starts_with("v=") || t.starts_with("name=")
}

/// Read a portfolio link: a whole address (whatever comes before
/// `#portfolio` is ignored), the fragment, or its pairs alone. Never fails
/// and never panics; see the module notes for what is cut or ignored.
///
/// ```
/// use nines_core::portfolio::link::decode;
/// let d = decode("https://x.example/nines/#portfolio?v=1&name=shop&service=db&link=v%3D5&use=disks!nowhere&colour=red");
/// assert_eq!(d.portfolio.name, "shop");
/// assert_eq!(d.portfolio.services[0].uses[0].service, "nowhere");
/// assert_eq!(d.notices, ["Ignored the portfolio link's unknown setting \"colour\""]);
/// ```
pub fn decode(text: &str) -> Decoded {
    let mut notices = Notices::default();
    let mut portfolio = Portfolio {
        name: String::new(),
        services: Vec::new(),
    };
    let text = text.trim();
    if text.len() > MAX_LINK_BYTES {
        notices.push(format!(
            "The portfolio link is {} bytes: at most {MAX_LINK_BYTES} are read, so none of it was",
            text.len()
        ));
        return notices.into_decoded(portfolio);
    }
    let pairs = match text.find(VIEW) {
        Some(at) => &text[at + VIEW.len()..],
        None => text,
    };
    let pairs = pairs.strip_prefix('?').unwrap_or(pairs);
    let (mut services_cut, mut uses_cut, mut uses) = (0usize, 0usize, 0usize);
    for pair in pairs.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let Ok(value) = decode_component(raw) else {
            notices.push(format!(
                "Ignored the portfolio link's {}: its value is not UTF-8 text",
                quoted(key, NAME_CHARS)
            ));
            continue;
        };
        match key {
            "v" => {
                if value.parse::<u32>().is_ok_and(|v| v > PORTFOLIO_LINK_VERSION) {
                    notices.push(format!(
                        "This portfolio link comes from a newer version of Nines (version {}); what this version knows was read",
                        quoted(&value, NAME_CHARS)
                    ));
                }
            }
            "name" => portfolio.name = value,
            "service" if portfolio.services.len() + services_cut >= MAX_SERVICES => {
                services_cut += 1;
            }
            "service" => portfolio.services.push(Service {
                name: value,
                link: "v=5".into(),
                uses: Vec::new(),
                not_carried: Vec::new(),
            }),
            "link" | "use" if services_cut > 0 => {}
            "link" | "use" if portfolio.services.is_empty() => notices.push(format!(
                "Ignored the portfolio link's {} before its first service",
                quoted(key, NAME_CHARS)
            )),
            "link" => {
                if let Some(s) = portfolio.services.last_mut() {
                    s.link = value;
                }
            }
            "use" if uses >= MAX_USES => uses_cut += 1,
            "use" => match read_use(raw) {
                Some(u) => {
                    uses += 1;
                    if let Some(s) = portfolio.services.last_mut() {
                        s.uses.push(u);
                    }
                }
                None => notices.push(format!(
                    "Ignored the portfolio link's use {}: expected a dependency, \"!\" and a service, then \"!target\" or nothing",
                    quoted(&value, NAME_CHARS)
                )),
            },
            _ => notices.push(format!(
                "Ignored the portfolio link's unknown setting {}",
                quoted(key, NAME_CHARS)
            )),
        }
    }
    if services_cut > 0 {
        notices.push(format!(
            "The portfolio link holds {} services: the first {MAX_SERVICES} are kept (a portfolio holds at most {MAX_SERVICES})",
            MAX_SERVICES + services_cut
        ));
    }
    if uses_cut > 0 {
        notices.push(format!(
            "The portfolio link links services {} times: the first {MAX_USES} are kept (a portfolio holds at most {MAX_USES})",
            MAX_USES + uses_cut
        ));
    }
    notices.into_decoded(portfolio)
}

/// `dependency!service` or `dependency!service!target`, each part escaped
/// (so a `!` inside a name is `%21` and never splits it).
fn read_use(raw: &str) -> Option<Use> {
    let mut parts = raw.split('!');
    let dependency = decode_component(parts.next()?).ok()?;
    let service = decode_component(parts.next()?).ok()?;
    let takes = match parts.next() {
        None => Takes::Expected,
        Some("target") => Takes::Target,
        Some("expected") => Takes::Expected,
        Some(_) => return None,
    };
    if parts.next().is_some() || dependency.is_empty() || service.is_empty() {
        return None;
    }
    Some(Use {
        dependency,
        service,
        takes,
    })
}

/// The notices, the first [`MAX_NOTICES`] listed and the rest counted.
#[derive(Default)]
struct Notices {
    listed: Vec<String>,
    more: usize,
}

impl Notices {
    fn push(&mut self, notice: String) {
        if self.listed.len() < MAX_NOTICES {
            self.listed.push(notice);
        } else {
            self.more += 1;
        }
    }

    fn into_decoded(mut self, portfolio: Portfolio) -> Decoded {
        if self.more > 0 {
            self.listed.push(format!(
                "… and {} more problems with this portfolio link, not listed (the first {MAX_NOTICES} are)",
                self.more
            ));
        }
        Decoded {
            portfolio,
            notices: self.listed,
        }
    }
}
