import {
  Content,
  ContentHeader,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

/** Remembers the chosen identity, so a reload signs in again without asking. */
const CHOICE_KEY = 'example-app:sign-in-identity';

/** The example identities, each a proxy auth provider of the example backend. */
export const EXAMPLE_IDENTITIES = [
  {
    provider: 'engineer',
    title: 'Engineer',
    button: 'Enter as engineer',
    description:
      'Jane Doe, an engineer on the Payments team (payments-api, checkout-web) and not on the architecture council: the Governance tab as a service owner sees it, where you request reviews.',
  },
  {
    provider: 'guest',
    title: 'Council member',
    button: 'Enter as council member',
    description:
      'The guest, a member of the example architecture council: also triages and decides the review queue and grants waivers, on the Architecture Council page.',
  },
];

/** Signing out forgets the choice, so the next visit asks again. */
function forgettingChoiceOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      localStorage.removeItem(CHOICE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The example app's sign-in page: a newcomer enters as an engineer or as a council member, and
 * sees the suite from either side. Each is a password-less identity of the example backend
 * (development only); a real app signs people in with its own provider instead.
 */
export function ExampleSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const [provider, setProvider] = useState(() =>
    localStorage.getItem(CHOICE_KEY),
  );
  const choose = (chosen: string | null) => {
    if (chosen) {
      localStorage.setItem(CHOICE_KEY, chosen);
    } else {
      localStorage.removeItem(CHOICE_KEY);
    }
    setProvider(chosen);
  };

  if (provider) {
    return (
      <ProxiedSignInPage
        provider={provider}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingChoiceOnSignOut(identity))
        }
        ErrorComponent={({ error }) => (
          <Content>
            <ErrorPanel
              title="Could not sign in"
              error={error ?? new Error('Unknown error')}
            />
            <Button
              variant="outlined"
              color="primary"
              onClick={() => choose(null)}
            >
              Choose again
            </Button>
          </Content>
        )}
      />
    );
  }

  return (
    <Page themeId="home">
      <Header title={configApi.getString('app.title')} />
      <Content>
        <ContentHeader title="Sign in as" />
        <Grid container spacing={2}>
          {EXAMPLE_IDENTITIES.map(identity => (
            <Grid item xs={12} sm={6} md={4} key={identity.provider}>
              <InfoCard
                title={identity.title}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => choose(identity.provider)}
                  >
                    {identity.button}
                  </Button>
                }
              >
                <Typography variant="body1">{identity.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
