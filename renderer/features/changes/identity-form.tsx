import { useState, type FormEvent } from 'react';
import type { PostdeskApi } from '../../../shared/api';

/** Asks for the author name and email git lacks, and writes them in this repository's config only. */
export function IdentityForm({ api, onSaved }: { api: PostdeskApi; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setError(null);
    api.gitSetIdentity({ name, email }).then(onSaved, (failure: Error) => setError(failure.message));
  };
  return (
    <form className="git-identity" aria-label="Author identity" onSubmit={submit}>
      <p>Git does not know who you are yet. Commits need an author; this is saved in this repository only.</p>
      <label>
        Your name <input value={name} onChange={(event) => setName(event.target.value)} required />
      </label>
      <label>
        Your email{' '}
        <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
      </label>
      <button type="submit">Save identity</button>
      {error ? <p className="git-error">{error}</p> : null}
    </form>
  );
}
