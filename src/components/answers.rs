//! The answers card, first on the page and in every embed: the verdict in
//! one short sentence, then the five answers a product manager comes for,
//! each naming the section that works it out (a link on the full page),
//! the button to adopt the most that can be promised, and the verdict's
//! workings folded. The lines are the core's (`nines_core::answers`).

use yew::prelude::*;

use super::disclosure::Fold;
use crate::state::{Action, State, TargetAction};

#[derive(Properties, PartialEq)]
pub struct AnswersProps {
    pub state: UseReducerHandle<State>,
    /// Whether the answers link to their sections (the full page); an
    /// embed holds one section, so there they are plain text.
    pub linked: bool,
}

#[function_component(AnswersCard)]
pub fn answers_card(props: &AnswersProps) -> Html {
    let spend = &props.state.report.spend;
    let target = &props.state.scenario.target;
    let answers = nines_core::answers::answers(&props.state.report, target);
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
                    onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Target(TargetAction::Target(promise))))}>
                    { label }
                </button>
            }
        });
    let tone = if answers.achievable { "good" } else { "bad" };
    html! {
        <section class={classes!("answers", tone)} id="answers" aria-labelledby="verdict-short">
            <p class="verdict-line" id="verdict-short" role="status">{ &answers.verdict }</p>
            <dl class="answer-list">
                { for answers.lines.iter().map(|a| html! {
                    <div data-section={a.section}>
                        <dt>
                            if props.linked {
                                <a href={format!("#{}", a.section)}>{ a.question }</a>
                            } else {
                                { a.question }
                            }
                        </dt>
                        <dd>{ &a.text }</dd>
                    </div>
                }) }
            </dl>
            { for adopt }
            <Fold id="verdict-workings" summary="What spends the budget, in full">
                <p id="verdict">{ &spend.verdict }</p>
            </Fold>
        </section>
    }
}
