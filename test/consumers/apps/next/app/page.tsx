import { ConnectFlow } from '@connector-kit/ui';
import { connectBank } from './actions';

/** A Server Component page rendering the whole flow, with a server action as its `onSubmit`. */
export default function Page() {
  return (
    <main>
      <h1>Connect your bank</h1>
      <ConnectFlow defaultCountryCode="FR" onSubmit={connectBank} />
    </main>
  );
}
