import { Box, Button, Container, Group, Menu, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { Language } from '../i18n/create-i18n';
import { LanguageSwitch } from './LanguageSwitch';

export interface NavItem {
  to: string;
  label: string;
}

export interface LayoutUser {
  name: string;
  organisationName?: string;
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="civitas-skip-link" href="#main-content">
      {t('common:layout.skipToContent')}
    </a>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Link to="/" className="civitas-brand" aria-label={t('common:layout.homeLink')}>
        {t('common:app.name')}
      </Link>
      <Text size="sm" visibleFrom="sm" c="white" opacity={0.95}>
        {t('common:app.tagline')}
      </Text>
    </Group>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <Box component="footer" className="civitas-footer" py="md" mt="xl">
      <Container size="lg">{t('common:app.footer')}</Container>
    </Box>
  );
}

/**
 * The signed-in frame: skip link, header (name, language, `headerActions` such as the
 * notification bell, account menu), nav, main, footer.
 */
export function AppLayout({
  navItems,
  user,
  headerActions,
  onSignOut,
  onSignOutEverywhere,
  onLanguageChange,
  profilePath = '/profile',
  children,
}: {
  navItems: NavItem[];
  user: LayoutUser;
  onSignOut: () => void;
  onSignOutEverywhere: () => void;
  onLanguageChange?: (language: Language) => void;
  profilePath?: string;
  /** Shown in the header before the account menu (a domain's control, e.g. notifications). */
  headerActions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <Box component="header" className="civitas-header" py="sm">
        <Container size="lg">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Brand />
            <Group gap="sm">
              <LanguageSwitch onChange={onLanguageChange} />
              {headerActions}
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="outline"
                    color="white"
                    size="compact-md"
                    aria-label={t('common:userMenu.label', { name: user.name })}
                  >
                    {user.name}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {user.organisationName && <Menu.Label>{user.organisationName}</Menu.Label>}
                  <Menu.Item component={Link} to={profilePath}>
                    {t('common:userMenu.profile')}
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item onClick={onSignOut}>{t('common:userMenu.signOut')}</Menu.Item>
                  <Menu.Item onClick={onSignOutEverywhere}>
                    {t('common:userMenu.signOutEverywhere')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="nav" className="civitas-nav" aria-label={t('common:layout.mainNav')}>
        <Container size="lg">
          {navItems.map((item) => (
            <NavLink key={item.to} to={item.to}>
              {item.label}
            </NavLink>
          ))}
        </Container>
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} className="civitas-main" py="xl">
        <Container size="lg">{children}</Container>
      </Box>
      <Footer />
    </>
  );
}

/** The frame of the pages before signing in: name and language only. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <Box component="header" className="civitas-header" py="sm">
        <Container size="lg">
          <Group justify="space-between">
            <Brand />
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} className="civitas-main" py="xl">
        <Container size="lg">{children}</Container>
      </Box>
      <Footer />
    </>
  );
}
