import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  checkPoll,
  pollBoxes,
  POLL_MAX_OPTIONS,
  type FieldProblem,
  type PollField,
} from '../../../model/inbox/share-forms';
import { ShareDialog } from './ShareDialog';
import { ShareField } from './ShareField';

/**
 * Ask the chat a question: 2 to 12 options (a new empty box appears as the last one is filled,
 * as in WhatsApp) and whether people may pick one answer or several.
 */
export function PollForm({ jid, onClose }: { jid: string; onClose: () => void }) {
  const intl = useIntl();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(() => pollBoxes([]));
  const [multiple, setMultiple] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<PollField, FieldProblem>>>({});

  const check = () => {
    const checked = checkPoll(jid, { question, options, multiple });
    if (checked.ok) return checked.input;
    setProblems(checked.problems);
    return null;
  };

  const listProblem = problems.options;
  return (
    <ShareDialog title={<FormattedMessage id="inbox-share.poll.title" />} check={check} onClose={onClose}>
      {(ids) => (
        <>
          <ShareField
            id={`${ids}-question`}
            label={<FormattedMessage id="inbox-share.poll.question" />}
            problem={problems.question}
            value={question}
            onChange={(value) => {
              setQuestion(value);
              setProblems((was) => ({ ...was, question: undefined }));
            }}
            autoFocus
          />
          <fieldset
            className="share-dialog__options"
            aria-describedby={listProblem ? `${ids}-options-error` : undefined}
          >
            <legend className="field__label">
              <FormattedMessage id="inbox-share.poll.options" values={{ max: POLL_MAX_OPTIONS }} />
            </legend>
            {options.map((option, index) => (
              <ShareField
                key={index}
                id={`${ids}-option-${index}`}
                label={<FormattedMessage id="inbox-share.poll.option" values={{ n: index + 1 }} />}
                problem={problems[`option.${index}`]}
                value={option}
                onChange={(value) => {
                  setOptions((was) => pollBoxes(was.map((o, i) => (i === index ? value : o))));
                  setProblems((was) => ({ ...was, [`option.${index}`]: undefined, options: undefined }));
                }}
              />
            ))}
            {listProblem && (
              <p id={`${ids}-options-error`} className="field-error" role="alert">
                {intl.formatMessage({ id: listProblem.id }, listProblem.values)}
              </p>
            )}
          </fieldset>
          <label className="share-dialog__check">
            <input
              type="checkbox"
              checked={multiple}
              onChange={(event) => setMultiple(event.target.checked)}
            />
            <FormattedMessage id="inbox-share.poll.multiple" />
          </label>
        </>
      )}
    </ShareDialog>
  );
}
