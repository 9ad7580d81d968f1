/** What an action in the group panel did, or why it failed, in plain words beside it. */
export function ActionFeedback({ notice, error }: { notice: string | null; error: string | null }) {
  return (
    <>
      <p className="group-info__feedback" role="status">
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
