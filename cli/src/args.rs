//! A small argument reader: positionals, `--flag value` options and switches.

/// The arguments of one command, consumed as the command reads them.
#[derive(Debug)]
pub struct Args {
    positionals: Vec<String>,
    options: Vec<(String, Vec<String>)>,
    switches: Vec<String>,
}

/// Options given once per item, each occurrence read by [`Args::each`].
const REPEATABLE: [&str; 2] = ["--alert", "--incident"];

/// Options that take no value.
const SWITCHES: [&str; 2] = ["--json", "--help"];

impl Args {
    /// Split `argv` into positionals, options (each with the values that
    /// follow it up to the next `--option`) and switches.
    pub fn new(argv: &[String]) -> Self {
        let mut args = Args {
            positionals: Vec::new(),
            options: Vec::new(),
            switches: Vec::new(),
        };
        for a in argv {
            // `-o FILE` is `--output FILE` (`nines export`), as compilers
            // and generators spell it.
            let output = String::from("--output");
            let a = if a == "-o" { &output } else { a };
            // A lone "-5" or "-" is a value, not an option.
            if a.starts_with("--") {
                if SWITCHES.contains(&a.as_str()) {
                    args.switches.push(a.clone());
                } else {
                    args.options.push((a.clone(), Vec::new()));
                }
            } else if let Some((_, values)) = args.options.last_mut() {
                values.push(a.clone());
            } else {
                args.positionals.push(a.clone());
            }
        }
        args
    }

    /// Whether a switch such as `--json` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    /// The positionals, in order.
    pub fn positionals(&self) -> &[String] {
        &self.positionals
    }

    /// The values of an option (`None` when absent).
    pub fn values(&self, name: &str) -> Option<&[String]> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }

    /// The values of each occurrence of a repeatable option, in order
    /// (`--incident a --incident b`); empty when absent.
    pub fn each(&self, name: &str) -> Vec<&[String]> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
            .collect()
    }

    /// The single value of an option; an error names the option when it has none or several.
    pub fn value(&self, name: &str) -> Result<Option<&str>, String> {
        match self.values(name) {
            None => Ok(None),
            Some([v]) => Ok(Some(v.as_str())),
            Some([]) => Err(format!("{name} needs a value")),
            Some(_) => Err(format!("{name} takes one value")),
        }
    }

    /// Fail on options a command does not know, naming the ones it does,
    /// and on an option given twice, except those that repeat
    /// ([`REPEATABLE`]): `--window 30d --window 7d` would otherwise
    /// silently mean one of them.
    pub fn only(&self, known: &[&str]) -> Result<(), String> {
        for (i, (name, _)) in self.options.iter().enumerate() {
            if !REPEATABLE.contains(&name.as_str())
                && self.options[..i].iter().any(|(earlier, _)| earlier == name)
            {
                return Err(format!(
                    "{name} is given twice: give it once (only {} repeat)",
                    REPEATABLE.join(" and ")
                ));
            }
            if !known.contains(&name.as_str()) {
                let allowed = if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                };
                return Err(format!(
                    "unknown option {name} (allowed: {allowed}, --json)"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn splits_positionals_options_and_switches() {
        let a = Args::new(&argv(
            "99.95 --convention sre-book --json --serial 99.9 99.99",
        ));
        assert_eq!(a.positionals(), ["99.95"]);
        assert_eq!(a.value("--convention").unwrap(), Some("sre-book"));
        assert_eq!(a.values("--serial").unwrap(), ["99.9", "99.99"]);
        assert!(a.switch("--json"));
        assert!(a.value("--serial").is_err());
        assert!(a.only(&["--convention"]).is_err());
        assert!(a.only(&["--convention", "--serial"]).is_ok());
    }

    #[test]
    fn a_repeated_option_keeps_each_occurrence() {
        let a = Args::new(&argv("--incident a b --json --incident c"));
        assert_eq!(
            a.each("--incident"),
            [&["a".to_string(), "b".into()][..], &["c".to_string()][..]]
        );
        assert!(a.each("--other").is_empty());
        assert!(a.only(&["--incident"]).is_ok());
    }

    /// `--window 30d --window 7d` gave 30d, a second `--serial` was
    /// dropped: a repeated option silently meant one of its values.
    #[test]
    fn a_repeated_single_option_is_refused() {
        let a = Args::new(&argv("--window 30d --window 7d"));
        assert_eq!(
            a.only(&["--window"]).unwrap_err(),
            "--window is given twice: give it once (only --alert and --incident repeat)"
        );
        let a = Args::new(&argv("--serial 99.9 --serial 99.99"));
        assert!(a
            .only(&["--serial"])
            .unwrap_err()
            .starts_with("--serial is given twice"));
    }
}
