//! The verdict under the target (issue 19 §1): in one line, whether the
//! target is achievable with these dependencies, incidents and failed
//! deployments, what spends its budget, and the most that can be promised,
//! with a button to adopt it. Shown under the target and in every embed.

use yew::prelude::*;

use super::SectionProps;
use crate::state::Action;

#[function_component(Verdict)]
pub fn verdict(props: &SectionProps) -> Html {
    let spend = &props.state.report.spend;
    let target = &props.state.scenario.target;
    let adopt = spend
        .most_promisable
        .as_ref()
        .filter(|p| *p != target)
        .map(|p| {
            let d = props.state.dispatcher();
            let promise = *p;
            let label = format!("Use {} as the target", spend.most_promisable_display);
            html! {
                <button type="button" id="verdict-adopt"
                    onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::SetTarget(promise)))}>
                    { label }
                </button>
            }
        });
    let tone = if spend.fits == Some(true) {
        "good"
    } else {
        "bad"
    };
    html! {
        <div class={classes!("status", "verdict", tone)} id="verdict" role="status">
            <p>{ &spend.verdict }</p>
            { for adopt }
        </div>
    }
}
